import { PromqlParseError } from '../../../errors.js';
import { goQuote } from './go-format.js';

/**
 * Values of number and duration tokens, computed as Prometheus 2.42 does so that
 * literals are bit-identical: `strconv.ParseInt(s, 0, 64)` first (so `010` is octal 8
 * and `0x1f` is 31), `strconv.ParseFloat` when that fails; durations by
 * `model.ParseDuration`, which must fit an int64 of nanoseconds and be above zero.
 */

const INT64_MAX = (1n << 63n) - 1n;

/** `strconv.ParseInt(s, 0, 64)` for what the lexer emits as a number; undefined when Go would fail. */
function parseGoInt(text: string): number | undefined {
  let value: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) value = BigInt(text);
  else if (/^0[0-7]*$/.test(text)) value = BigInt(`0o${text.slice(1) || '0'}`);
  else if (/^[1-9][0-9]*$/.test(text)) value = BigInt(text);
  else return undefined;
  // float64(int64) rounds to nearest even, as Number(bigint) does.
  return value > INT64_MAX ? undefined : Number(value);
}

/** The value of a number token (`5`, `1.5e3`, `0x1f`, `010`, `Inf`, `NaN`). */
export function numberValue(text: string, offset: number): number {
  const int = parseGoInt(text);
  if (int !== undefined) return int;
  const lower = text.toLowerCase();
  if (lower === 'inf') return Infinity;
  if (lower === 'nan') return NaN;
  // Go's ParseFloat only reads hexadecimal with a `p` exponent, which the lexer never lets through.
  let reason = 'invalid syntax';
  if (/^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return value;
    reason = 'value out of range';
  }
  throw new PromqlParseError(`error parsing number: strconv.ParseFloat: parsing ${goQuote(text)}: ${reason}`, offset);
}

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365n * 86_400_000n, 7n * 86_400_000n, 86_400_000n, 3_600_000n, 60_000n, 1000n, 1n];
const MAX_NS = INT64_MAX;

/** The milliseconds of a duration token (`5m`, `1h30m`); throws 2.42's messages for the rest. */
export function durationMs(text: string, offset: number): number {
  const match = DURATION.exec(text);
  if (!match) throw new PromqlParseError(`not a valid duration string: ${goQuote(text)}`, offset);
  let totalMs = 0n;
  let overflow = false;
  UNIT_MS.forEach((unitMs, i) => {
    const digits = match[i + 1];
    if (digits === undefined) return;
    const count = BigInt(digits);
    if (count > MAX_NS / unitMs / 1_000_000n) overflow = true;
    totalMs += count * unitMs;
  });
  if (overflow || totalMs * 1_000_000n > MAX_NS) throw new PromqlParseError('duration out of range', offset);
  if (totalMs === 0n) throw new PromqlParseError('duration must be greater than 0', offset);
  return Number(totalMs);
}
