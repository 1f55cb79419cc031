/**
 * Go's `strconv.Quote`: how Prometheus writes label values (`{job="api"}`) and how
 * `printf "%q"` renders. Printable characters stay as they are; the rest are escaped.
 */
const NAMED: Readonly<Record<string, string>> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\',
};

/** `strconv.Quote(text)`. */
export function goQuote(text: string): string {
  return `"${escape(text, '"')}"`;
}

/** `strconv.QuoteRune(code)`: how `%q` writes an integer. */
export function goQuoteRune(code: number): string {
  const valid = Number.isInteger(code) && code >= 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return `'${escape(String.fromCodePoint(valid ? code : 0xfffd), "'")}'`;
}

function escape(text: string, quote: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === quote) out += `\\${ch}`;
    else if (NAMED[ch] !== undefined) out += NAMED[ch];
    else out += printable(ch) ? ch : hexEscape(ch.codePointAt(0) as number);
  }
  return out;
}

// Control characters (C0, DEL, C1) and lone surrogates are what Go escapes in practice.
function printable(ch: string): boolean {
  const code = ch.codePointAt(0) as number;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return false;
  return !(code >= 0xd800 && code <= 0xdfff);
}

function hexEscape(code: number): string {
  if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff) return '\\ufffd';
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}
