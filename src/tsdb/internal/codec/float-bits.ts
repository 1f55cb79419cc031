/**
 * A float64 as two uint32 halves (high word first, as in IEEE 754 big-endian), so XOR
 * and zero counting need neither BigInt nor allocation.
 */
const scratch = new DataView(new ArrayBuffer(8));

export interface FloatBits {
  hi: number;
  lo: number;
}

export function readBits(v: number, out: FloatBits): void {
  scratch.setFloat64(0, v);
  out.hi = scratch.getUint32(0);
  out.lo = scratch.getUint32(4);
}

export function fromBits(hi: number, lo: number): number {
  scratch.setUint32(0, hi);
  scratch.setUint32(4, lo);
  return scratch.getFloat64(0);
}

/** Zero bytes at the high end of a non-zero 64-bit word. */
export function leadingZeroBytes(hi: number, lo: number): number {
  return hi !== 0 ? Math.clz32(hi) >> 3 : 4 + (Math.clz32(lo) >> 3);
}

/** Zero bytes at the low end of a non-zero 64-bit word. */
export function trailingZeroBytes(hi: number, lo: number): number {
  return lo !== 0 ? ctz32(lo) >> 3 : 4 + (ctz32(hi) >> 3);
}

function ctz32(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/** Byte `i` (0 = most significant) of the 64-bit word. */
export function byteAt(hi: number, lo: number, i: number): number {
  return i < 4 ? (hi >>> (24 - 8 * i)) & 0xff : (lo >>> (56 - 8 * i)) & 0xff;
}
