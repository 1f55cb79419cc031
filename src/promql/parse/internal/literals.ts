import { PromqlParseError } from '../../../errors.js';
import { goQuote, parseGoFloat, parseGoInt, parsePromDuration } from '../../../gocompat/index.js';

/**
 * Values of number and duration tokens, computed as Prometheus 2.42 does so that
 * literals are bit-identical: `strconv.ParseInt(s, 0, 64)` first (so `010` is octal 8
 * and `0x1f` is 31), `strconv.ParseFloat` when that fails; durations by
 * `model.ParseDuration`, which must fit an int64 of nanoseconds and be above zero.
 */

/** The value of a number token (`5`, `1.5e3`, `0x1f`, `010`, `Inf`, `NaN`). */
export function numberValue(text: string, offset: number): number {
  const int = parseGoInt(text);
  if (typeof int === 'number') return int;
  const float = parseGoFloat(text);
  if (typeof float === 'number') return float;
  throw new PromqlParseError(`error parsing number: strconv.ParseFloat: parsing ${goQuote(text)}: ${float.error}`, offset);
}

/** The milliseconds of a duration token (`5m`, `1h30m`); throws 2.42's messages for the rest. */
export function durationMs(text: string, offset: number): number {
  const ms = parsePromDuration(text);
  if (typeof ms !== 'number') throw new PromqlParseError(ms.error, offset);
  if (ms === 0) throw new PromqlParseError('duration must be greater than 0', offset);
  return ms;
}
