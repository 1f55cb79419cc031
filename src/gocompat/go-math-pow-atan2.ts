/**
 * `^` and `atan2` as Go 1.19's `math.Pow` and `math.Atan2` compute them (the Go that
 * builds Prometheus 2.42), so that guardia's results are bit-identical to Prometheus's.
 * V8's `Math.pow` and `Math.atan2` are more accurate and therefore differ in the last bit
 * for many inputs (checked against promtool 2.42: `1.1 ^ 10` is 2.593742460100002 there).
 */
import { frexp, goExp, goLog, ldexp } from './go-math.js';

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y) < 2 ** 53 && Math.abs(y) % 2 === 1;
}

/** Go's `math.Pow`: special cases from IEEE 754, then squaring over `frexp` mantissas. */
export function goPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0) {
    if (y < 0) return isOddInteger(y) ? (Object.is(x, -0) ? -Infinity : Infinity) : Infinity;
    return isOddInteger(y) ? x : 0;
  }
  if (!Number.isFinite(y)) {
    if (x === -1) return 1;
    return (Math.abs(x) < 1) === (y > 0) ? 0 : Infinity;
  }
  if (!Number.isFinite(x)) {
    if (x < 0) return goPow(1 / x, -y);
    return y < 0 ? 0 : Infinity;
  }
  if (y === 0.5) return Math.sqrt(x);
  if (y === -0.5) return 1 / Math.sqrt(x);
  return powBySquaring(x, y);
}

function powBySquaring(x: number, y: number): number {
  let whole = Math.trunc(Math.abs(y));
  let part = Math.abs(y) - whole;
  if (part !== 0 && x < 0) return NaN;
  if (whole >= 2 ** 63) {
    if (x === -1) return 1;
    return (Math.abs(x) < 1) === (y > 0) ? 0 : Infinity;
  }
  // The result is kept as mantissa * 2^exponent so that the squarings cannot overflow.
  let mantissa = 1;
  let exponent = 0;
  if (part !== 0) {
    if (part > 0.5) {
      part--;
      whole++;
    }
    mantissa = goExp(part * goLog(x));
  }
  let [base, baseExponent] = frexp(x);
  for (let i = whole; i !== 0; i = Math.floor(i / 2)) {
    if (baseExponent < -(1 << 12) || baseExponent > 1 << 12) {
      exponent += baseExponent;
      break;
    }
    if (i % 2 === 1) {
      mantissa *= base;
      exponent += baseExponent;
    }
    base *= base;
    baseExponent *= 2;
    if (base < 0.5) {
      base += base;
      baseExponent--;
    }
  }
  if (y < 0) {
    mantissa = 1 / mantissa;
    exponent = -exponent;
  }
  return ldexp(mantissa, exponent);
}

// Cephes' arctangent, which Go's `math.Atan` implements: a degree 4/5 rational function
// on [0, 0.66] after range reduction. Constants are Cephes' (as the shortest doubles).
const P = [-0.8750608600031904, -16.157537187333652, -75.00855792314705, -122.88666844901361, -64.85021904942025] as const;
const Q = [24.858464901423062, 165.02700983169885, 432.88106049129027, 485.3903996359137, 194.5506571482614] as const;
const MORE_BITS = 6.123233995736766e-17; // pi/2 = Math.PI/2 + MORE_BITS
const TAN_3PI_8 = 2.414213562373095;
const THREE_PI_4 = 2.356194490192345; // Go's constant 3*Pi/4 rounded once

function atanReduced(x: number): number {
  const z = x * x;
  const ratio = (z * ((((P[0] * z + P[1]) * z + P[2]) * z + P[3]) * z + P[4])) / (((((z + Q[0]) * z + Q[1]) * z + Q[2]) * z + Q[3]) * z + Q[4]);
  return x * ratio + x;
}

function atanPositive(x: number): number {
  if (x <= 0.66) return atanReduced(x);
  if (x > TAN_3PI_8) return Math.PI / 2 - atanReduced(1 / x) + MORE_BITS;
  return Math.PI / 4 + atanReduced((x - 1) / (x + 1)) + 0.5 * MORE_BITS;
}

function goAtan(x: number): number {
  if (x === 0) return x;
  return x > 0 ? atanPositive(x) : -atanPositive(-x);
}

function withSignOf(magnitude: number, sign: number): number {
  return sign < 0 || Object.is(sign, -0) ? -magnitude : magnitude;
}

/** Go's `math.Atan2(y, x)`. */
export function goAtan2(y: number, x: number): number {
  if (Number.isNaN(y) || Number.isNaN(x)) return NaN;
  if (y === 0) return x >= 0 && !Object.is(x, -0) ? withSignOf(0, y) : withSignOf(Math.PI, y);
  if (x === 0) return withSignOf(Math.PI / 2, y);
  if (!Number.isFinite(x)) {
    if (x > 0) return withSignOf(Number.isFinite(y) ? 0 : Math.PI / 4, y);
    return withSignOf(Number.isFinite(y) ? Math.PI : THREE_PI_4, y);
  }
  if (!Number.isFinite(y)) return withSignOf(Math.PI / 2, y);
  const q = goAtan(y / x);
  if (x < 0) return q <= 0 ? q + Math.PI : q - Math.PI;
  return q;
}
