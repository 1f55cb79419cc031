/**
 * Bit-level access to IEEE-754 doubles, for the few places that must reproduce Go's
 * arithmetic exactly (Go's amd64 `math.Log` reads the exponent bits directly).
 */
const view = new DataView(new ArrayBuffer(8));

/** The double whose bit pattern is `bits` (e.g. `0x3fe5555555555593n`). */
export function fromBits(bits: bigint): number {
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

/** The high 32 bits of `x`: sign, exponent and the top 20 mantissa bits. */
export function highWord(x: number): number {
  view.setFloat64(0, x);
  return view.getUint32(0);
}

/** The low 32 bits of `x`'s mantissa. */
export function lowWord(x: number): number {
  view.setFloat64(0, x);
  return view.getUint32(4);
}

/** The double built from a high and a low 32-bit word. */
export function fromWords(high: number, low: number): number {
  view.setUint32(0, high >>> 0);
  view.setUint32(4, low >>> 0);
  return view.getFloat64(0);
}

/** The next double after the finite, non-zero `x` in the direction of `toward` (±1). */
export function nextAfter(x: number, toward: number): number {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  // Away from zero means a larger magnitude, which is the next bit pattern up.
  const away = (x > 0) === (toward > 0);
  view.setBigUint64(0, away ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
