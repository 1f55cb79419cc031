import { InvalidRequestError } from '../../errors.js';
import { parseSilenceRequest, type NewSilence } from '../../notifiers/index.js';

/** Durations the silence form offers; `custom` reads the text field instead. */
export const SILENCE_DURATIONS = ['15m', '1h', '4h', '1d'] as const;
export const MAX_COMMENT = 2000;
const MAX_MATCHERS = 20;
const MAX_MATCHER_LENGTH = 500;

/** The silence form parsed: a silence to add, or what is wrong with the input (shown with a 400). */
export type SilenceFormResult = { ok: true; silence: NewSilence } | { ok: false; message: string };

/**
 * Reads the silence form (`matchers`, one per line; `duration` preset or `custom` with
 * `customDuration`; `comment`, required, at most 2,000 characters) the way the API reads its
 * JSON: through `parseSilenceRequest`, so both refuse the same bad matchers and durations.
 */
export function parseSilenceForm(fields: Record<string, string>, author: string, now: number): SilenceFormResult {
  const comment = (fields.comment ?? '').trim();
  if (comment === '') return { ok: false, message: 'say why in the comment: a silence without a reason confuses the next person on call' };
  if (comment.length > MAX_COMMENT) return { ok: false, message: `the comment is ${comment.length} characters; keep it to ${MAX_COMMENT}` };
  const matchers = (fields.matchers ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (matchers.length === 0) return { ok: false, message: 'give at least one matcher, such as alertname="ApiDown"' };
  if (matchers.length > MAX_MATCHERS || matchers.some((m) => m.length > MAX_MATCHER_LENGTH)) {
    return { ok: false, message: `at most ${MAX_MATCHERS} matchers of ${MAX_MATCHER_LENGTH} characters each` };
  }
  const duration = fields.duration === 'custom' ? (fields.customDuration ?? '').trim() : (fields.duration ?? '');
  if (duration === '' || duration.length > 40) return { ok: false, message: 'choose a duration, or type one such as 90m' };
  let silence: NewSilence;
  try {
    silence = parseSilenceRequest({ matchers, duration, comment, author }, now);
  } catch (error) {
    if (error instanceof InvalidRequestError) return { ok: false, message: error.message };
    throw error;
  }
  if (silence.endsAt <= now) return { ok: false, message: 'the duration must be longer than zero' };
  return { ok: true, silence };
}
