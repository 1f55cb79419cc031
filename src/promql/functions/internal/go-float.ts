/**
 * Go's `strconv.ParseFloat(s, 64)`, which Prometheus uses to read a bucket's `le`
 * label: decimal and hexadecimal (`0x1p-2`) forms, `_` between digits, `Inf`,
 * `Infinity` and `NaN` in any case. Values out of range are errors, not ±Inf.
 */

const DIGITS = '[0-9]+(?:_[0-9]+)*';
const HEX_DIGITS = '[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*';
const DECIMAL = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const HEX = new RegExp(`^([+-]?)0[xX]_?(${HEX_DIGITS})?(?:\\.(${HEX_DIGITS})?)?[pP]([+-]?${DIGITS})$`);
const INFINITY = /^([+-]?)inf(?:inity)?$/i;

/** The value of `s`, or undefined where Go's `ParseFloat` returns an error. */
export function parseGoFloat(s: string): number | undefined {
  if (DECIMAL.test(s)) return finite(Number(s.replaceAll('_', '')));
  const hex = HEX.exec(s);
  if (hex) return parseHex(hex);
  const inf = INFINITY.exec(s);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  return undefined;
}

function parseHex([, sign, whole = '', fraction = '', exponent = '0']: RegExpExecArray): number | undefined {
  const digits = (whole + fraction).replaceAll('_', '');
  if (digits === '') return undefined;
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

function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}
