/**
 * Go's reading of quoted literals: `strconv.Unquote` (text/template strings),
 * `strconv.UnquoteChar` (template character constants) and Prometheus's
 * `strutil.Unquote` (PromQL strings and test-file series), which differ only in which
 * quotes they take and in raw strings. `\x` and octal escapes are bytes, as in Go;
 * bytes that do not form UTF-8 become U+FFFD. Each returns undefined where Go errs.
 */

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** One character or escape of a quoted literal, and the index after it. */
interface Unit {
  value: number;
  /** `\x` and octal escapes stand for a byte, not a code point. */
  byte: boolean;
  end: number;
}

/** `strconv.Unquote` of a `"…"` or `` `…` `` literal; raw strings lose their `\r`, as in Go. */
export function unquoteGo(literal: string): string | undefined {
  const body = literalBody(literal);
  if (body === undefined) return undefined;
  if (literal[0] === '`') return body.includes('`') ? undefined : body.replaceAll('\r', '');
  return literal[0] === '"' ? decodeQuoted(body, '"') : undefined;
}

/**
 * Prometheus's `strutil.Unquote` of a PromQL string: `'…'` is a string like `"…"`, and
 * raw strings keep their `\r`.
 */
export function unquotePromql(literal: string): string | undefined {
  const body = literalBody(literal);
  if (body === undefined) return undefined;
  if (literal[0] === '`') return body.includes('`') ? undefined : body;
  return literal[0] === '"' || literal[0] === "'" ? decodeQuoted(body, literal[0]) : undefined;
}

/** The rune of a `'…'` character constant as text/template reads it (`strconv.UnquoteChar`): `'\xff'` is 255. */
export function unquoteGoChar(literal: string): number | undefined {
  const body = literalBody(literal);
  if (body === undefined || literal[0] !== "'") return undefined;
  const unit = readUnit(body, 0, "'");
  return unit !== undefined && unit.end === body.length ? unit.value : undefined;
}

function literalBody(literal: string): string | undefined {
  if (literal.length < 2 || literal[literal.length - 1] !== literal[0]) return undefined;
  return literal.slice(1, -1);
}

function decodeQuoted(body: string, quote: string): string | undefined {
  if (!body.includes('\\') && !body.includes(quote) && !body.includes('\n')) return body;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const unit = readUnit(body, i, quote);
    if (unit === undefined) return undefined;
    if (unit.byte) bytes.push(unit.value);
    else bytes.push(...Buffer.from(String.fromCodePoint(unit.value), 'utf8'));
    i = unit.end;
  }
  return Buffer.from(bytes).toString('utf8');
}

function readUnit(body: string, at: number, quote: string): Unit | undefined {
  const c = body[at];
  if (c === undefined || c === quote || c === '\n') return undefined;
  if (c === '\\') return readEscape(body, at + 1, quote);
  const cp = body.codePointAt(at) as number;
  return { value: cp, byte: false, end: at + (cp > 0xffff ? 2 : 1) };
}

function readEscape(body: string, at: number, quote: string): Unit | undefined {
  const c = body[at];
  if (c === undefined) return undefined;
  if (SIMPLE_ESCAPES[c] !== undefined) return { value: SIMPLE_ESCAPES[c] as number, byte: false, end: at + 1 };
  if (c === quote) return { value: c.charCodeAt(0), byte: false, end: at + 1 };
  const hex = (width: number): number | undefined => {
    const digits = body.slice(at + 1, at + 1 + width);
    return digits.length === width && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : undefined;
  };
  if (c === 'x') {
    const value = hex(2);
    return value === undefined ? undefined : { value, byte: true, end: at + 3 };
  }
  if (c === 'u' || c === 'U') {
    const width = c === 'u' ? 4 : 8;
    const code = hex(width);
    if (code === undefined || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return { value: code, byte: false, end: at + 1 + width };
  }
  const octal = body.slice(at, at + 3);
  if (/^[0-7]{3}$/.test(octal) && parseInt(octal, 8) <= 255) return { value: parseInt(octal, 8), byte: true, end: at + 3 };
  return undefined;
}
