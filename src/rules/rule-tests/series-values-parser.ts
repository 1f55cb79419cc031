import { PromqlParseError } from '../../errors.js';

/**
 * The `values` notation of promtool test files, one slot per input-series interval:
 * `1 2 3`, `1+2x3` (1 3 5 7), `5-1x2` (5 4 3), `7x2` (7 7 7), `_` (no sample), `_x3`,
 * `stale` (a staleness marker), and numbers such as `-1.5`, `1e3`, `Inf`, `NaN`.
 * Repetitions add the increment step by step, as Prometheus does, so float rounding
 * matches (`1.5+0.1x3` ends at 1.8000000000000003).
 */
export type SeriesSlot = number | 'stale' | undefined;

const NUMBER = String.raw`(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const VALUE = new RegExp(String.raw`^([+-]?(?:${NUMBER}|inf|nan))$`, 'i');
const REPEAT = new RegExp(String.raw`^([+-]?${NUMBER})(?:([+-])(${NUMBER}))?x(\d+)$`);
const BLANK = /^_(?:x(\d+))?$/;
/** A guard against a typo such as `1x100000000` filling memory. */
export const MAX_SERIES_SLOTS = 1_000_000;

/** Expands a `values` string into slots; throws `PromqlParseError` at a malformed token. */
export function parseSeriesValues(text: string): SeriesSlot[] {
  const slots: SeriesSlot[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const token = match[0];
    const expanded = expandToken(token);
    if (expanded === undefined) {
      throw new PromqlParseError(`unexpected ${JSON.stringify(token)} in series values; expected a number, "_", "stale", or a repetition like 1+2x3`, match.index);
    }
    if (slots.length + expanded.length > MAX_SERIES_SLOTS) {
      throw new PromqlParseError(`more than ${MAX_SERIES_SLOTS} values in one series; use a longer interval`, match.index);
    }
    slots.push(...expanded);
  }
  return slots;
}

function expandToken(token: string): SeriesSlot[] | undefined {
  if (token === 'stale') return ['stale'];
  const blank = BLANK.exec(token);
  if (blank) return new Array<SeriesSlot>(blank[1] === undefined ? 1 : Math.min(Number(blank[1]), MAX_SERIES_SLOTS + 1)).fill(undefined);
  const single = VALUE.exec(token);
  if (single) return [Number(readNumber(single[1] as string))];
  const repeat = REPEAT.exec(token);
  if (!repeat) return undefined;
  const [, start, sign, step, times] = repeat;
  const count = Number(times);
  if (count >= MAX_SERIES_SLOTS) return new Array<SeriesSlot>(MAX_SERIES_SLOTS + 1).fill(undefined);
  let current = Number(start);
  const out: SeriesSlot[] = [current];
  const increment = Number(step ?? '0');
  for (let i = 0; i < count; i++) {
    if (sign !== undefined) current = sign === '+' ? current + increment : current - increment;
    out.push(current);
  }
  return out;
}

function readNumber(text: string): number {
  const lower = text.toLowerCase();
  if (lower.endsWith('inf')) return lower.startsWith('-') ? -Infinity : Infinity;
  if (lower.endsWith('nan')) return NaN;
  return Number(text);
}
