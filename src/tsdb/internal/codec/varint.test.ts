import { describe, expect, it } from 'vitest';
import { ByteReader } from './byte-reader.js';
import { putVarint, unzigzag, varintLength, zigzag } from './varint.js';

describe('varints', () => {
  const values = [0, 1, 127, 128, 16383, 16384, 2 ** 32, 2 ** 53 - 1];

  it('round-trip unsigned values up to 2^53 - 1 and report their length', () => {
    const out = new Uint8Array(8 * values.length);
    let pos = 0;
    for (const v of values) {
      const next = putVarint(out, pos, v);
      expect(next - pos).toBe(varintLength(v));
      pos = next;
    }
    const r = new ByteReader(out.subarray(0, pos));
    for (const v of values) expect(r.readVarint()).toBe(v);
    expect(r.done).toBe(true);
    expect(values.map(varintLength)).toEqual([1, 1, 1, 2, 2, 3, 5, 8]);
  });

  it('zigzag small magnitudes to small numbers and back, up to ±2^52', () => {
    expect([0, -1, 1, -2, 2].map(zigzag)).toEqual([0, 1, 2, 3, 4]);
    for (const v of [0, -1, 1, 2 ** 52, -(2 ** 52), 123456789, -987654321]) expect(unzigzag(zigzag(v))).toBe(v);
  });

  it('reports truncated and overlong varints as corrupt', () => {
    expect(() => new ByteReader(new Uint8Array([0x80])).readVarint()).toThrow(/corrupt/);
    expect(() => new ByteReader(new Uint8Array(9).fill(0x80)).readVarint()).toThrow(/longer than 8 bytes/);
  });
});
