/**
 * Go's `strconv.ParseFloat(s, 64)` and `strconv.ParseInt(s, 0, 64)`, which Prometheus
 * uses for number literals, a bucket's `le` label and template numbers: decimal and
 * hexadecimal (`0x1p-2`) floats, `0x`/`0o`/`0b`/leading-`0` integers, `_` between digits,
 * `Inf`, `Infinity` and `NaN` in any case. Values out of range are errors, not ±Inf.
 */

/** Why Go refuses a number: the `Err` of its `strconv.NumError`. */
export interface GoNumError {
  error: 'invalid syntax' | 'value out of range';
}

const SYNTAX: GoNumError = { error: 'invalid syntax' };
const RANGE: GoNumError = { error: 'value out of range' };

const DIGITS = '[0-9]+(?:_[0-9]+)*';
const HEX_DIGITS = '[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*';
const DECIMAL = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const HEX = new RegExp(`^([+-]?)0[xX]_?(${HEX_DIGITS})?(?:\\.(${HEX_DIGITS})?)?[pP]([+-]?${DIGITS})$`);
const INFINITY = /^([+-]?)inf(?:inity)?$/i;
const INT64_MAX = 2n ** 63n - 1n;

/** `strconv.ParseFloat(text, 64)`: the value, or why Go returns an error. */
export function parseGoFloat(text: string): number | GoNumError {
  if (DECIMAL.test(text)) return finite(Number(text.replaceAll('_', '')));
  const hex = HEX.exec(text);
  if (hex) return parseHex(hex);
  const inf = INFINITY.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  return SYNTAX;
}

function parseHex([, sign, whole = '', fraction = '', exponent = '0']: RegExpExecArray): number | GoNumError {
  const digits = (whole + fraction).replaceAll('_', '');
  if (digits === '') return SYNTAX;
  // BigInt keeps every mantissa bit so the single rounding happens in Number().
  const mantissa = Number(BigInt(`0x${digits}`));
  const scale = Number(exponent.replaceAll('_', '')) - 4 * fraction.replaceAll('_', '').length;
  const value = scaleByPowerOfTwo(mantissa, scale);
  return finite(sign === '-' ? -value : value);
}

/** `x * 2^n` in steps that stay representable, so huge or tiny exponents do not overflow early. */
function scaleByPowerOfTwo(x: number, n: number): number {
  let value = x;
  let rest = n;
  while (rest > 1000) {
    value *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000) {
    value *= 2 ** -1000;
    rest += 1000;
  }
  return value * 2 ** rest;
}

function finite(value: number): number | GoNumError {
  return Number.isFinite(value) ? value : RANGE;
}

/** `strconv.ParseInt(text, 0, 64)` as a float64 (rounded to nearest even): the value, or why Go refuses it. */
export function parseGoInt(text: string): number | GoNumError {
  // A leading 0 means octal, so `08` is invalid rather than eight.
  const match = /^([+-]?)(0[xX]|0[oO]|0[bB]|0(?=[0-9_]))?([0-9a-fA-F_]+)$/.exec(text);
  if (!match) return SYNTAX;
  const [, sign, prefix = '', digits = ''] = match;
  const base = prefix === '' ? 10 : /[xX]/.test(prefix) ? 16 : /[bB]/.test(prefix) ? 2 : 8;
  if (!underscoresOk(prefix + digits)) return SYNTAX;
  const clean = digits.replaceAll('_', '');
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base] as RegExp;
  if (!valid.test(clean)) return SYNTAX;
  const value = [...clean].reduce((n, d) => n * BigInt(base) + BigInt(parseInt(d, 16)), 0n);
  const signed = sign === '-' ? -value : value;
  if (signed > INT64_MAX || signed < -INT64_MAX - 1n) return RANGE;
  return Number(signed);
}

/** Go allows `_` only between digits, or between a base prefix and a digit. */
function underscoresOk(text: string): boolean {
  if (!text.includes('_')) return true;
  const body = /^0[xXoObB]/.test(text) ? `0${text.slice(2)}` : text;
  return !/(^_|_$|__|_[^0-9a-fA-F]|[^0-9a-fA-F]_)/.test(body);
}
