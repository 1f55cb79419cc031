import { describe, expect, it } from 'vitest';
import { ByteArena } from './byte-arena.js';

describe('ByteArena', () => {
  it('sizes regions in powers of two from 16 bytes to a 64 KB page', () => {
    expect([1, 16, 17, 32, 33, 2041, 65536].map(ByteArena.classFor).map(ByteArena.capacity)).toEqual([
      16, 16, 32, 32, 64, 2048, 65536,
    ]);
    expect(() => ByteArena.classFor(65537)).toThrow(RangeError);
  });

  it('hands out disjoint regions and reuses freed ones', () => {
    const arena = new ByteArena();
    const regions = Array.from({ length: 3000 }, (_, i) => ({ i, cls: i % 5, at: arena.alloc(i % 5) }));
    for (const r of regions) arena.page(r.at).fill(r.i & 0xff, arena.offset(r.at), arena.offset(r.at) + ByteArena.capacity(r.cls));
    for (const r of regions) {
      const bytes = arena.page(r.at).subarray(arena.offset(r.at), arena.offset(r.at) + ByteArena.capacity(r.cls));
      expect(bytes.every((b) => b === (r.i & 0xff))).toBe(true);
    }
    const pages = arena.reservedBytes;
    for (const r of regions) arena.free(r.at, r.cls);
    for (const r of regions) arena.alloc(r.cls);
    expect(arena.reservedBytes).toBe(pages);
  });

  it('gives the unused tail of a page to the sizes it can hold', () => {
    const arena = new ByteArena();
    arena.alloc(ByteArena.classFor(20_000));
    arena.alloc(ByteArena.classFor(40_000));
    expect(arena.reservedBytes).toBe(2 * 65536);
    arena.alloc(ByteArena.classFor(20_000));
    expect(arena.reservedBytes).toBe(2 * 65536);
  });
});
