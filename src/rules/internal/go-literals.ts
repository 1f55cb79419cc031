/**
 * Go literal syntax as text/template reads it: quoted strings and character constants
 * with Go escapes (`strconv.Unquote`), and integers in any base with `_` separators
 * (`strconv.ParseInt(text, 0, 64)`). Each returns undefined when Go would refuse.
 */
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
const INT64_MAX = 2n ** 63n - 1n;

/**
 * `strconv.Unquote` of a `"…"`, `` `…` `` or `'…'` literal; a character constant yields its
 * code point, unless `singleQuotedStrings` (PromQL, where `'…'` is a string like `"…"`).
 */
export function unquoteGo(literal: string, singleQuotedStrings = false): string | number | undefined {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) return undefined;
  const body = literal.slice(1, -1);
  if (quote === '`') return body.replaceAll('\r', '');
  if (quote !== '"' && quote !== "'") return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const c = body[i] as string;
    if (c === quote) return undefined;
    if (c !== '\\') {
      const ch = String.fromCodePoint(body.codePointAt(i) as number);
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length;
      continue;
    }
    const escape = readEscape(body, i + 1, quote);
    if (escape === undefined) return undefined;
    bytes.push(...escape.bytes);
    i = escape.end;
  }
  const text = Buffer.from(bytes).toString('utf8');
  if (quote === '"' || singleQuotedStrings) return text;
  const chars = [...text];
  return chars.length === 1 ? (chars[0] as string).codePointAt(0) : undefined;
}

function readEscape(body: string, at: number, quote: string): { bytes: number[]; end: number } | undefined {
  const c = body[at];
  if (c === undefined) return undefined;
  if (SIMPLE_ESCAPES[c] !== undefined) return { bytes: [SIMPLE_ESCAPES[c] as number], end: at + 1 };
  if (c === quote) return { bytes: [c.charCodeAt(0)], end: at + 1 };
  const hex = (width: number): number | undefined => {
    const digits = body.slice(at + 1, at + 1 + width);
    return digits.length === width && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : undefined;
  };
  if (c === 'x') {
    const value = hex(2);
    return value === undefined ? undefined : { bytes: [value], end: at + 3 };
  }
  if (c === 'u' || c === 'U') {
    const width = c === 'u' ? 4 : 8;
    const code = hex(width);
    if (code === undefined || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return { bytes: [...Buffer.from(String.fromCodePoint(code), 'utf8')], end: at + 1 + width };
  }
  const octal = body.slice(at, at + 3);
  if (/^[0-7]{3}$/.test(octal) && parseInt(octal, 8) <= 255) return { bytes: [parseInt(octal, 8)], end: at + 3 };
  return undefined;
}

/** `strconv.ParseInt(text, 0, 64)`, or undefined when it is not an int64. */
export function parseGoInt(text: string): number | undefined {
  const match = /^([+-]?)(0[xX]|0[oO]|0[bB]|0(?=[0-7_]))?([0-9a-fA-F_]+)$/.exec(text);
  if (!match) return undefined;
  const [, sign, prefix = '', digits = ''] = match;
  const base = prefix === '' ? 10 : /[xX]/.test(prefix) ? 16 : /[bB]/.test(prefix) ? 2 : 8;
  if (!underscoresOk(prefix + digits)) return undefined;
  const clean = digits.replaceAll('_', '');
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base] as RegExp;
  if (!valid.test(clean)) return undefined;
  const value = [...clean].reduce((n, d) => n * BigInt(base) + BigInt(parseInt(d, 16)), 0n);
  const signed = sign === '-' ? -value : value;
  if (signed > INT64_MAX || signed < -INT64_MAX - 1n) return undefined;
  return Number(signed);
}

/** `strconv.ParseFloat(text, 64)` for decimal and hexadecimal (`0x1p-2`) notation. */
export function parseGoFloat(text: string): number | undefined {
  const hex = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?\d+)$/.exec(text);
  if (hex) {
    const [, sign, whole = '', fraction = '', exp] = hex;
    const mantissa = (whole + fraction).replaceAll('_', '');
    if (mantissa === '') return undefined;
    const value = parseInt(mantissa, 16) * 2 ** (Number(exp) - 4 * fraction.replaceAll('_', '').length);
    return sign === '-' ? -value : value;
  }
  if (!/^[+-]?(?=\.?\d)[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d[\d_]*)?$/.test(text) || !underscoresOk(text.replace(/^[+-]/, ''))) return undefined;
  return Number(text.replaceAll('_', ''));
}

/** Go allows `_` only between digits, or between a base prefix and a digit. */
function underscoresOk(text: string): boolean {
  if (!text.includes('_')) return true;
  const body = /^0[xXoObB]/.test(text) ? `0${text.slice(2)}` : text;
  return !/(^_|_$|__|_[^0-9a-fA-F]|[^0-9a-fA-F]_)/.test(body);
}
