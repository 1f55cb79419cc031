import { PromqlParseError } from '../../../errors.js';
import { goRuneName } from './go-format.js';

/**
 * PromQL string literals, with Go's rules: `"…"` and `'…'` take Go escapes (`\n`, `\x41`,
 * `\101`, `\u00e9`, `\U0001F600`, and only their own quote), backtick strings are raw.
 * Errors use Prometheus 2.42's lexer messages and point at the opening quote.
 */

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b, '\\': 0x5c, '"': 0x22, "'": 0x27,
};

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
  if (ch === quote || (ch in SIMPLE_ESCAPES && ch !== '"' && ch !== "'")) return at + 1;
  const numeric = numericEscape(ch);
  if (!numeric) fail(`unknown escape sequence ${goRuneName(ch)}`, start);
  let pos = at + numeric.skip;
  let value = 0;
  for (let i = 0; i < numeric.digits; i++, pos++) {
    const digit = text[pos];
    if (digit === undefined) fail('escape sequence not terminated', start);
    const d = parseInt(digit, 16);
    if (Number.isNaN(d) || d >= numeric.base) fail(`illegal character ${goRuneName(digit)} in escape sequence`, start);
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

function pushUtf8(bytes: number[], cp: number): void {
  const s = String.fromCodePoint(cp >= 0xd800 && cp < 0xe000 ? 0xfffd : cp);
  for (const b of new TextEncoder().encode(s)) bytes.push(b);
}

const decoder = new TextDecoder('utf-8');

/**
 * The value of a literal already accepted by `scanQuoted`/`scanRaw`. `\x` and octal
 * escapes are bytes, as in Go; bytes that do not form UTF-8 become U+FFFD.
 */
export function unquoteString(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal[0] === '`' || !body.includes('\\')) return body;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const cp = body.codePointAt(i) ?? 0;
    if (cp !== 0x5c) {
      pushUtf8(bytes, cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const ch = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) {
      bytes.push(simple);
      i += 2;
      continue;
    }
    // scanQuoted accepted the literal, so every other escape is a numeric one.
    const numeric = numericEscape(ch)!;
    const from = i + 1 + numeric.skip;
    const value = parseInt(body.slice(from, from + numeric.digits), numeric.base);
    if (numeric.max === 255) bytes.push(value);
    else pushUtf8(bytes, value);
    i = from + numeric.digits;
  }
  return decoder.decode(Uint8Array.from(bytes));
}
