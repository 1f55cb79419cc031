import { InvalidValueError } from './invalid-value-error.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
// Largest unit first, so `formatDuration` writes `1h30m` rather than `90m`.
const FORMAT_UNITS = ['d', 'h', 'm', 's', 'ms'] as const;
/** A whole duration: one or more amount-unit parts, largest unit first by convention. */
export const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const EXPECTED = 'a duration like "10s"';

/** Parses `500ms`, `10s`, `5m`, `1h30m`, `1d` into milliseconds. A unit is required. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (!DURATION_PATTERN.test(trimmed)) throw new InvalidValueError(EXPECTED, text);
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    total += Number(amount) * (UNIT_MS[unit as string] as number);
  }
  if (!Number.isFinite(total) || total > Number.MAX_SAFE_INTEGER) {
    throw new InvalidValueError(EXPECTED, text, 'too long');
  }
  return Math.round(total);
}

/** Formats milliseconds the way they are written in guardia.yaml: `1h30m`, `500ms`, `0s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  let rest = Math.round(ms);
  let out = '';
  for (const unit of FORMAT_UNITS) {
    const size = UNIT_MS[unit] as number;
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}
