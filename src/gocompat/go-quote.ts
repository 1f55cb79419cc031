/**
 * Go's quoting of strings and runes (`strconv.Quote`, `strconv.QuoteRune`, `%#U`), as
 * Prometheus writes label values, expressions and parse errors and as templates render
 * `%q`. Matching them keeps guardia's output comparable with promtool's.
 */

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space;
// everything else (controls, other spaces, format and private-use characters) is escaped.
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

function isValidRune(rune: number): boolean {
  return Number.isInteger(rune) && rune >= 0 && rune <= 0x10ffff && (rune < 0xd800 || rune > 0xdfff);
}

/** `strconv.Quote(text)`: a double-quoted Go string literal (`"a\"b\n"`). */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) out += escapeRune(ch, '"');
  return `${out}"`;
}

/** `strconv.QuoteRune(rune)`, Go's `%q` of a rune or integer: `'x'`, `'\n'`, `'\u00a0'`. */
export function goQuoteRune(rune: number): string {
  // Go reads an invalid code point as U+FFFD.
  return `'${escapeRune(String.fromCodePoint(isValidRune(rune) ? rune : 0xfffd), "'")}'`;
}

/** Go's `%#U` of a rune: `U+0071 'q'`, or just `U+000A` when it does not print. */
export function goRuneName(rune: number): string {
  const name = `U+${hex(rune, 4).toUpperCase()}`;
  const ch = isValidRune(rune) ? String.fromCodePoint(rune) : '';
  return PRINTABLE.test(ch) ? `${name} '${ch}'` : name;
}
