import { InvalidRequestError } from '../errors.js';

/**
 * Reads a time query parameter: epoch milliseconds, RFC 3339, or a relative
 * `-15m` / `-2h` / `-1d` from `now`.
 */
export function parseTimeParam(name: string, value: string | undefined, now: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d{10,16}$/.test(value)) return Number(value);
  const relative = /^-(\d+)(s|m|h|d)$/.exec(value);
  if (relative) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 's' | 'm' | 'h' | 'd'];
    return now - Number(relative[1]) * unit;
  }
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new InvalidRequestError(`${name}: expected epoch ms, RFC 3339 or -15m/-2h/-1d, got "${value}"`);
  }
  return parsed;
}
