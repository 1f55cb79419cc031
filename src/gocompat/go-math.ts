/**
 * `exp`, `ln`, `log2`, `log10`, `frexp` and `ldexp` as Go's `math` package computes them
 * on x86-64, so that guardia's results are bit-identical to Prometheus's. V8's
 * `Math.exp`/`Math.log` use other algorithms and differ in the last bit for many inputs.
 */
import { fromBits, fromWords, highWord, lowWord, nextAfter } from './internal/float-bits.js';

const LN2_HI = fromBits(0x3fe62e42fee00000n);
const LN2_LO = fromBits(0x3dea39ef35793c76n);
const L1 = fromBits(0x3fe5555555555593n);
const L2 = fromBits(0x3fd999999997fa04n);
const L3 = fromBits(0x3fd2492494229359n);
const L4 = fromBits(0x3fcc71c51d8e78afn);
const L5 = fromBits(0x3fc7466496cb03den);
const L6 = fromBits(0x3fc39a09d078c69fn);
const L7 = fromBits(0x3fc2f112df3e5244n);
const HALF_SQRT2 = fromBits(0x3fe6a09e667f3bcdn);

/**
 * Natural logarithm, following Go's amd64 assembly `math.Log` step by step (its
 * frexp reads the exponent bits directly, so subnormals are not renormalised).
 */
export function goLog(x: number): number {
  if (x === 0) return -Infinity;
  if (x < 0 || Number.isNaN(x)) return NaN;
  if (x === Infinity) return x;
  const high = highWord(x);
  let f1 = fromWords((high & 0x000fffff) | 0x3fe00000, lowWord(x));
  let k = ((high >>> 20) & 0x7ff) - 0x3fe;
  if (f1 <= HALF_SQRT2) {
    k -= 1;
    f1 *= 2;
  }
  const f = f1 - 1;
  const s = f / (2 + f);
  const s2 = s * s;
  const s4 = s2 * s2;
  const t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
  const t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
  const r = t1 + t2;
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
}

/** Base-2 logarithm as Go's `math.Log2`: exact for powers of two. */
export function goLog2(x: number): number {
  const [frac, exp] = frexp(x);
  if (frac === 0.5) return exp - 1;
  return goLog(frac) * Math.LOG2E + exp;
}

/** Base-10 logarithm as Go's `math.Log10`: `Log(x) * (1/Ln10)`, not correctly rounded. */
export function goLog10(x: number): number {
  return goLog(x) * Math.LOG10E;
}

const scratch = new DataView(new ArrayBuffer(8));

/** `[fraction, exponent]` with `x = fraction * 2^exponent`, `0.5 <= |fraction| < 1`, as Go's `math.Frexp`. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let shift = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) {
    x *= 2 ** 52;
    shift = -52;
  }
  scratch.setFloat64(0, x);
  const high = scratch.getUint32(0);
  const exponent = ((high >>> 20) & 0x7ff) - 1022 + shift;
  scratch.setUint32(0, (high & 0x800fffff) | (1022 << 20));
  return [scratch.getFloat64(0), exponent];
}

/** `fraction * 2^exponent` rounded once, as Go's `math.Ldexp`. */
export function ldexp(fraction: number, exponent: number): number {
  if (fraction === 0 || !Number.isFinite(fraction)) return fraction;
  const [f, e] = frexp(fraction);
  const total = e + exponent;
  if (total > 1024) return f < 0 ? -Infinity : Infinity;
  if (total < -1074) return f < 0 ? -0 : 0;
  // A subnormal result: scale exactly into range first so that only the last step rounds.
  if (total < -1021) return f * 2 ** (total + 1074) * 2 ** -1074;
  return f * 2 * 2 ** (total - 1);
}

const EXP_OVERFLOW = fromBits(0x40862e42fefa39efn);
const LOG2E = fromBits(0x3ff71547652b82fen);
const LN2_UPPER = fromBits(0x3fe62e42fefa3000n);
const LN2_LOWER = fromBits(0x3d53de6af278ece6n);
/** 1/8!, 1/7!, … 1/2!, 1/1! rounded to doubles, highest order first. */
const TAYLOR = [
  fromBits(0x3efa01a01a01a01an), fromBits(0x3f2a01a01a01a01an), fromBits(0x3f56c16c16c16c17n),
  fromBits(0x3f81111111111111n), fromBits(0x3fa5555555555555n), fromBits(0x3fc5555555555555n), 0.5, 1,
];

/**
 * e^x as Go's amd64 assembly `math.Exp` on CPUs with FMA (every x86-64 server CPU
 * since 2013): Shibata's method with fused multiply-adds.
 */
export function goExp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x > EXP_OVERFLOW) return Infinity;
  const k = roundToInt32(LOG2E * x);
  let r = fusedMultiplyAdd(-k, LN2_UPPER, x);
  r = fusedMultiplyAdd(-k, LN2_LOWER, r);
  r *= 0.0625;
  let p = TAYLOR[0] as number;
  for (let i = 1; i < TAYLOR.length; i++) p = fusedMultiplyAdd(p, r, TAYLOR[i] as number);
  r *= p;
  // (1+r)^16 - 1, squared four times: (r+2)*r each time.
  r *= r + 2;
  r *= r + 2;
  r *= r + 2;
  r = fusedMultiplyAdd(r, r + 2, 1);
  const biased = k + 0x3ff;
  if (biased >= 0x7ff) return Infinity;
  if (biased > 0) return r * fromWords(biased << 20, 0);
  if (biased < -52) return 0;
  // A subnormal result is scaled in two steps, rounding twice as the assembly does.
  return r * fromWords((biased + 0x3fe) << 20, 0) * fromWords(1 << 20, 0);
}

/** x86 CVTSD2SL: round to nearest, ties to even; out of range gives the "integer indefinite" -2^31. */
function roundToInt32(t: number): number {
  if (!(t > -2147483648.5 && t < 2147483647.5)) return -2147483648;
  const floor = Math.floor(t);
  const diff = t - floor;
  if (diff > 0.5 || (diff === 0.5 && floor % 2 !== 0)) return floor + 1;
  return floor;
}

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's split of a double into two 26-bit halves

/**
 * `a*b + c` with a single rounding, as an FMA instruction computes it (Boldo and
 * Melquiond's emulation through rounding to odd). Exact as long as no intermediate
 * overflows or becomes subnormal, which holds for `goExp`'s reduced arguments.
 */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
  const product = a * b;
  if (a === 0 || b === 0 || c === 0 || !Number.isFinite(product) || !Number.isFinite(c)) return product + c;
  let t = SPLITTER * a;
  const aHigh = t - (t - a);
  const aLow = a - aHigh;
  t = SPLITTER * b;
  const bHigh = t - (t - b);
  const bLow = b - bHigh;
  const productError = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow;
  const sum = c + product;
  const sumError = twoSumError(c, product, sum);
  return sum + addRoundToOdd(sumError, productError);
}

function twoSumError(a: number, b: number, sum: number): number {
  const bVirtual = sum - a;
  return a - (sum - bVirtual) + (b - bVirtual);
}

/** `a + b` rounded to the neighbour with an odd last mantissa bit when inexact. */
function addRoundToOdd(a: number, b: number): number {
  const sum = a + b;
  const error = twoSumError(a, b, sum);
  if (error === 0 || (lowWord(sum) & 1) === 1) return sum;
  return nextAfter(sum, error);
}
