/**
 * Go's `strconv.FormatFloat` (`%e`, `%f`, `%g` and the shortest forms), so that values
 * and messages match Prometheus byte for byte. Rounding works on the exact binary value
 * with ties to even, as Go does (`%.0f` of 2.5 is "2", of 0.05 at `%.1f` is "0.1").
 */

/** The value is `0.digits × 10^dp`; `digits` has no trailing zeros ("" for zero). */
interface Decimal {
  digits: string;
  dp: number;
}

/** The `strconv.FormatFloat` formats supported. */
export type FloatFormat = 'e' | 'E' | 'f' | 'F' | 'g' | 'G';

/** `strconv.FormatFloat(x, fmt, prec, 64)`; `prec < 0` means the shortest exact representation. */
export function formatGoFloat(x: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const lower = fmt.toLowerCase() as 'e' | 'f' | 'g';
  const upper = fmt !== lower;
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    digs = shortestDecimal(Math.abs(x));
    prec = lower === 'e' ? Math.max(digs.digits.length - 1, 0) : lower === 'f' ? Math.max(digs.digits.length - digs.dp, 0) : digs.digits.length;
  } else {
    digs = exactDecimal(Math.abs(x));
    if (lower === 'e') digs = roundDecimal(digs, prec + 1);
    else if (lower === 'f') digs = roundDecimal(digs, digs.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundDecimal(digs, prec);
    }
  }
  const sign = neg ? '-' : '';
  if (lower === 'e') return sign + fmtE(digs, prec, upper);
  if (lower === 'f') return sign + fmtF(digs, prec);
  return sign + fmtG(digs, prec, shortest, upper);
}

/**
 * Go's `%v` of a float64, i.e. `fmt.Sprint(x)`: shortest digits, in `%e` form when the
 * exponent is below -4 or at least 6 (`1e+06`, `0.0001`, `1.5e-05`, `-0`, `+Inf`, `NaN`).
 */
export function sprintGoFloat(x: number): string {
  return formatGoFloat(x, 'g', -1);
}

function fmtG(digs: Decimal, prec: number, shortest: boolean, upper: boolean): string {
  const nd = digs.digits.length;
  let eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  // Go decides between %e and %f with precision 6 when printing the shortest form.
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) return fmtE(digs, Math.min(prec, nd) - 1, upper);
  return fmtF(digs, Math.max((prec > digs.dp ? nd : prec) - digs.dp, 0));
}

function fmtE(digs: Decimal, prec: number, upper: boolean): string {
  const { digits } = digs;
  let out = digits.length === 0 ? '0' : (digits[0] as string);
  if (prec > 0) out += '.' + digits.slice(1, prec + 1).padEnd(prec, '0');
  const exp = digits.length === 0 ? 0 : digs.dp - 1;
  const magnitude = String(Math.abs(exp)).padStart(2, '0');
  return `${out}${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${magnitude}`;
}

function fmtF(digs: Decimal, prec: number): string {
  const { digits, dp } = digs;
  let out = dp > 0 ? digits.slice(0, dp).padEnd(dp, '0') : '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      const j = dp + i;
      out += j >= 0 && j < digits.length ? digits[j] : '0';
    }
  }
  return out;
}

/** The shortest digits that read back as `x` (x ≥ 0); JavaScript and Go agree on these. */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e');
  return trim({ digits: mantissa.replace('.', ''), dp: Number(exponent) + 1 });
}

/** Every decimal digit of the binary value `x` (x ≥ 0). */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let exp2 = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exp2 = biased - 1075;
  }
  if (exp2 >= 0) {
    const text = (mantissa << BigInt(exp2)).toString();
    return trim({ digits: text, dp: text.length });
  }
  const text = (mantissa * 5n ** BigInt(-exp2)).toString();
  return trim({ digits: text, dp: text.length + exp2 });
}

/** Keeps `nd` digits, rounding half to even when the dropped part is exactly one half. */
function roundDecimal(d: Decimal, nd: number): Decimal {
  const { digits } = d;
  if (nd < 0 || nd >= digits.length) return d;
  const next = digits[nd] as string;
  const exactHalf = next === '5' && nd + 1 === digits.length;
  const up = next > '5' || (next === '5' && !exactHalf) || (exactHalf && nd > 0 && Number(digits[nd - 1]) % 2 === 1);
  if (!up) return trim({ digits: digits.slice(0, nd), dp: d.dp });
  let i = nd - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return { digits: '1', dp: d.dp + 1 };
  return trim({ digits: digits.slice(0, i) + String(Number(digits[i]) + 1), dp: d.dp });
}

function trim(d: Decimal): Decimal {
  const digits = d.digits.replace(/0+$/, '');
  return { digits, dp: digits.length === 0 ? 0 : d.dp };
}
