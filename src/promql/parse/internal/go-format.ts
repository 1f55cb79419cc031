/**
 * Go's spellings of strings, runes, floats and durations, as Prometheus prints them in
 * expressions and parse errors. Matching them keeps guardia's messages and `formatExpr`
 * output comparable with promtool's.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(ch: string, quote: string): string {
  if (ch === quote) return `\\${ch}`;
  const simple = SIMPLE_ESCAPES[ch];
  if (simple) return simple;
  if (PRINTABLE.test(ch)) return ch;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  // A lone surrogate cannot be encoded; Go would print the replacement character.
  if (cp >= 0xd800 && cp < 0xe000) return '\\ufffd';
  return cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

/** `strconv.Quote`: a double-quoted Go string literal that `unquoteString` reads back. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch, '"');
  return `${out}"`;
}

/** Go's `%q` of a rune: `'x'`, `'\n'`, `'\u00a0'`. */
export function goQuoteRune(ch: string): string {
  return `'${escapeRune(ch, "'")}'`;
}

/** Go's `%#U` of a rune: `U+0071 'q'`, or just `U+000A` when it does not print. */
export function goRuneName(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const name = `U+${hex(cp, 4).toUpperCase()}`;
  return PRINTABLE.test(ch) ? `${name} '${ch}'` : name;
}

/**
 * Go's `%v` of a float64 (shortest round-trip digits, `%e` form when the exponent is
 * below -4 or at least 6): `1e+06`, `0.0001`, `1.5e-05`, `+Inf`, `NaN`.
 */
export function formatGoFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mantissa = '', exp = '0'] = v.toExponential().split('e');
  const e = Number(exp);
  if (e >= -4 && e < 6) return String(v);
  const sign = e < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(e)).padStart(2, '0')}`;
}

const DURATION_UNITS: readonly [unit: string, ms: number, exact: boolean][] = [
  ['y', 365 * 24 * 3600_000, true],
  ['w', 7 * 24 * 3600_000, true],
  ['d', 24 * 3600_000, false],
  ['h', 3600_000, false],
  ['m', 60_000, false],
  ['s', 1000, false],
  ['ms', 1, false],
];

/**
 * Prometheus's `model.Duration` spelling of a non-negative duration: `1h30m`, `90d`
 * (years and weeks only when they divide it exactly), `0s` for zero.
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size, exact] of DURATION_UNITS) {
    if (exact && rest % size !== 0) continue;
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}
