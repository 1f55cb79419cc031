/**
 * A growable byte buffer. Bytes are only ever appended and a grown buffer is a fresh
 * allocation, so a view returned by `view()` stays a valid snapshot while writing goes on.
 */
export class ByteWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(initialCapacity = 32) {
    this.buf = new Uint8Array(initialCapacity);
  }

  get length(): number {
    return this.len;
  }

  /** The bytes written so far, without copying. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  writeByte(b: number): void {
    if (this.len === this.buf.length) this.grow(1);
    this.buf[this.len++] = b;
  }

  /** Unsigned LEB128 for a non-negative safe integer; arithmetic, not bitwise, so 53 bits fit. */
  writeVarint(n: number): void {
    if (n < 0x80) return this.writeByte(n);
    if (this.len + 8 > this.buf.length) this.grow(8);
    while (n >= 0x80) {
      this.buf[this.len++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.len++] = n;
  }

  /** A signed integer (|n| ≤ 2^52) as a zigzag varint: small magnitudes take one byte. */
  writeZigzag(n: number): void {
    this.writeVarint(zigzag(n));
  }

  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + extra));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
}

/** Maps signed to unsigned so that small magnitudes stay small: 0, -1, 1, -2 → 0, 1, 2, 3. */
export function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

export function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

/** Bytes `writeVarint(n)` takes. */
export function varintLength(n: number): number {
  let bytes = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    bytes++;
  }
  return bytes;
}
