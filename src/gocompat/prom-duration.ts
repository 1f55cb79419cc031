/**
 * Prometheus's `model.Duration`, as rule and test files, templates and PromQL write it:
 * whole amounts of y, w, d, h, m, s, ms, largest unit first, each at most once; `0` alone
 * needs no unit. Fractions, spaces and signs are refused, as promtool refuses them.
 */
import { goQuote } from './go-quote.js';

const UNITS: readonly (readonly [string, number])[] = [
  ['y', 365 * 86_400_000],
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];
const PATTERN = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
// Go's time.Duration holds nanoseconds in an int64: about 292 years.
const MAX_MS = 9_223_372_036_854;

/** `model.ParseDuration`: milliseconds, or Go's error message (`not a valid duration string: "5x"`). */
export function parsePromDuration(text: string): number | { error: string } {
  if (text === '0') return 0;
  if (text === '') return { error: 'empty duration string' };
  const match = PATTERN.exec(text);
  if (!match) return { error: `not a valid duration string: ${goQuote(text)}` };
  let total = 0;
  UNITS.forEach(([, ms], i) => {
    const amount = match[i + 1];
    if (amount !== undefined) total += Number(amount) * ms;
  });
  if (total > MAX_MS) return { error: 'duration out of range' };
  return total;
}

/** `model.Duration.String()`: `1m30s`, `2h`, `0s`; years and weeks only when exact. */
export function formatPromDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of UNITS) {
    const exactOnly = unit === 'y' || unit === 'w';
    if (exactOnly && rest % size !== 0) continue;
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}
