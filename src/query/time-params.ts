import { InvalidRequestError } from '../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/**
 * A time as Prometheus's HTTP API takes it: Unix seconds (fractions allowed) or RFC 3339;
 * returns epoch ms, or `fallback` when absent.
 */
export function parsePromTime(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const parsed = Date.parse(text);
  if (!Number.isNaN(parsed) && /^\d{4}-\d{2}-\d{2}T/.test(text)) return parsed;
  throw new InvalidRequestError(`${name}: expected Unix seconds or RFC 3339, got ${JSON.stringify(text)}`);
}

/** A duration as Prometheus takes it (`step`, `timeout`): seconds (fractions allowed) or `1m30s`; returns ms. */
export function parsePromDuration(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const parts = /^(?:\d+(?:ms|[smhdwy]))+$/.test(text) ? text.match(/\d+(?:ms|[smhdwy])/g) : null;
  if (!parts) throw new InvalidRequestError(`${name}: expected seconds or a duration like 30s or 1m30s, got ${JSON.stringify(text)}`);
  let ms = 0;
  for (const part of parts) {
    const unit = part.endsWith('ms') ? 'ms' : part.slice(-1);
    ms += Number(part.slice(0, part.length - unit.length)) * (UNIT_MS[unit] as number);
  }
  return ms;
}

/** A time on the command line: `now`, `-15m` (before now), Unix seconds or RFC 3339; returns epoch ms. */
export function parseCliTime(name: string, text: string | undefined, now: number): number {
  if (text === undefined || text === '' || text === 'now') return now;
  if (text.startsWith('-') && !/^-\d+(\.\d+)?$/.test(text)) return now - (parsePromDuration(name, text.slice(1)) as number);
  return parsePromTime(name, text, now);
}
