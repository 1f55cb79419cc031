import { PromqlParseError } from '../../../errors.js';
import { goRuneName, unquotePromql } from '../../../gocompat/index.js';

/**
 * PromQL string literals, with Go's rules: `"…"` and `'…'` take Go escapes (`\n`, `\x41`,
 * `\101`, `\u00e9`, `\U0001F600`, and only their own quote), backtick strings are raw.
 * The lexer checks them here so that errors use Prometheus 2.42's lexer messages and
 * point at the opening quote; their values are gocompat's `unquotePromql`.
 */

const SIMPLE_ESCAPES = new Set(['a', 'b', 'f', 'n', 'r', 't', 'v', '\\']);

interface NumericEscape {
  digits: number;
  base: number;
  max: number;
  /** How many characters after the backslash come before the digits. */
  skip: number;
}

function numericEscape(ch: string): NumericEscape | undefined {
  if (ch >= '0' && ch <= '7') return { digits: 3, base: 8, max: 255, skip: 0 };
  if (ch === 'x') return { digits: 2, base: 16, max: 255, skip: 1 };
  if (ch === 'u') return { digits: 4, base: 16, max: 0x10ffff, skip: 1 };
  if (ch === 'U') return { digits: 8, base: 16, max: 0x10ffff, skip: 1 };
  return undefined;
}

function fail(message: string, offset: number): never {
  throw new PromqlParseError(message, offset);
}

/** Checks the escape whose backslash is at `at - 1`; returns the index after it. */
function scanEscape(text: string, at: number, quote: string, start: number): number {
  const ch = text[at];
  if (ch === undefined) fail('escape sequence not terminated', start);
  if (ch === quote || SIMPLE_ESCAPES.has(ch)) return at + 1;
  const numeric = numericEscape(ch);
  if (!numeric) fail(`unknown escape sequence ${goRuneName(text.codePointAt(at) as number)}`, start);
  let pos = at + numeric.skip;
  let value = 0;
  for (let i = 0; i < numeric.digits; i++, pos++) {
    const digit = text[pos];
    if (digit === undefined) fail('escape sequence not terminated', start);
    const d = parseInt(digit, 16);
    if (Number.isNaN(d) || d >= numeric.base) fail(`illegal character ${goRuneName(text.codePointAt(pos) as number)} in escape sequence`, start);
    value = value * numeric.base + d;
  }
  if (value > numeric.max || (value >= 0xd800 && value < 0xe000)) {
    fail('escape sequence is an invalid Unicode code point', start);
  }
  return pos;
}

/** Scans a `"…"` or `'…'` literal opening at `start`; returns the index after its closing quote. */
export function scanQuoted(text: string, start: number): number {
  const quote = text[start] ?? '"';
  let pos = start + 1;
  for (;;) {
    const ch = text[pos];
    if (ch === undefined || ch === '\n') fail('unterminated quoted string', start);
    pos++;
    if (ch === quote) return pos;
    if (ch === '\\') pos = scanEscape(text, pos, quote, start);
  }
}

/** Scans a backtick literal opening at `start`; returns the index after its closing backtick. */
export function scanRaw(text: string, start: number): number {
  const close = text.indexOf('`', start + 1);
  if (close < 0) fail('unterminated raw string', start);
  return close + 1;
}

/** The value of a literal already accepted by `scanQuoted`/`scanRaw`. */
export function unquoteString(literal: string): string {
  // scanQuoted refuses, with the lexer's messages, every literal that unquotePromql would.
  return unquotePromql(literal) as string;
}
