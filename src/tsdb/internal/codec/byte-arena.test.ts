import { describe, expect, it } from 'vitest';
import { ByteArena } from './byte-arena.js';

const PAGE = 65536;

describe('ByteArena', () => {
  it('sizes regions from 16 bytes to a 64 KB page in steps of 1.5 and 2', () => {
    expect([1, 16, 17, 25, 33, 49, 2041, 49153, 65536].map(ByteArena.classFor).map(ByteArena.capacity)).toEqual([
      16, 16, 24, 32, 48, 64, 2048, 65536, 65536,
    ]);
    expect(() => ByteArena.classFor(65537)).toThrow(RangeError);
  });

  it('hands out disjoint regions and reuses freed ones', () => {
    const arena = new ByteArena();
    const regions = Array.from({ length: 3000 }, (_, i) => ({ i, cls: i % 5, at: arena.alloc(i % 5) }));
    const bytes = (r: (typeof regions)[number]) =>
      arena.page(r.at).subarray(arena.offset(r.at), arena.offset(r.at) + ByteArena.capacity(r.cls));
    for (const r of regions) bytes(r).fill(r.i & 0xff);
    for (const r of regions) expect(bytes(r).every((b) => b === (r.i & 0xff))).toBe(true);
    const held = arena.reservedBytes;
    for (const r of regions.slice(0, 1500)) arena.free(r.at, r.cls);
    for (const r of regions.slice(0, 1500)) arena.alloc(r.cls);
    expect(arena.reservedBytes).toBe(held);
  });

  it('passes emptied pages on to other sizes when many regions grow together', () => {
    const arena = new ByteArena();
    let regions = Array.from({ length: 20_000 }, () => arena.alloc(0));
    for (let cls = 1; cls <= 5; cls++) {
      regions = regions.map((at) => {
        const next = arena.alloc(cls);
        arena.free(at, cls - 1);
        return next;
      });
      const needed = regions.length * ByteArena.capacity(cls);
      expect(arena.reservedBytes).toBeLessThanOrEqual(needed * 1.5 + 8 * PAGE);
    }
    for (const at of regions) arena.free(at, 5);
    expect(arena.reservedBytes).toBeLessThanOrEqual(8 * PAGE);
  });
});
