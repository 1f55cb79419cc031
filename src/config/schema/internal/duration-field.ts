import { GOT } from '../../problems/path-problem.js';
import { DURATION_PATTERN, formatDuration, parseDuration } from '../../values/duration-parser.js';
import { parsedText } from './parsed-text.js';

/** A duration such as `10s` or `1h30m`, in milliseconds, optionally with a minimum. */
export function durationField(options: { min?: number } = {}) {
  const field = parsedText(parseDuration, 'a duration like "10s"', DURATION_PATTERN.source);
  if (options.min === undefined) return field;
  const min = options.min;
  return field.refine((ms) => ms >= min, { error: `expected a duration of at least ${formatDuration(min)}${GOT}` });
}
