import { InvalidValueError, parseDuration } from '../../config/index.js';
import { InvalidRequestError } from '../../errors.js';
import { parseMatcher } from '../routing/label-matcher.js';
import type { NewSilence } from './silence.js';

/** A silence as the CLI and the API take it: matcher texts and either a duration or an end time. */
export interface SilenceRequest {
  matchers: string[];
  /** `2h`, `30m`… from the start. */
  duration?: string;
  /** RFC 3339 or epoch ms. */
  startsAt?: string | number;
  endsAt?: string | number;
  author: string;
  comment?: string;
}

function parseTime(name: string, value: string | number): number {
  const ms = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new InvalidRequestError(`${name}: expected RFC 3339 or epoch ms, got "${value}"`);
  return ms;
}

/** Turns a request into a `NewSilence`; bad matchers, durations and times are `InvalidRequestError`s. */
export function parseSilenceRequest(request: SilenceRequest, now: number): NewSilence {
  const matchers = request.matchers.map(parseMatcher);
  const startsAt = request.startsAt === undefined ? now : parseTime('startsAt', request.startsAt);
  let endsAt: number;
  if (request.endsAt !== undefined) {
    endsAt = parseTime('endsAt', request.endsAt);
  } else if (request.duration !== undefined) {
    try {
      endsAt = startsAt + parseDuration(request.duration);
    } catch (error) {
      if (error instanceof InvalidValueError) throw new InvalidRequestError(`duration: ${error.message}`);
      throw error;
    }
  } else {
    throw new InvalidRequestError('say how long the silence lasts: a duration such as 2h, or an end time');
  }
  return { matchers, startsAt, endsAt, author: request.author, comment: request.comment ?? '' };
}
