import { describe, expect, it } from 'vitest';
import { ChunkDecoder } from './codec/chunk-decoder.js';
import { CHUNK_MAX_SAMPLES, CHUNK_MAX_SPAN_MS, SeriesHeads } from './series-heads.js';

const ALL = { from: -Infinity, to: Infinity };

function decode(bytes: Uint8Array): [number, number][] {
  const d = new ChunkDecoder(bytes);
  const out: [number, number][] = [];
  while (d.next()) out.push([d.t, d.v]);
  return out;
}

function counts(heads: SeriesHeads, slot: number): number[] {
  return heads.chunksBetween([slot], ALL.from, ALL.to).map((c) => c.count);
}

describe('SeriesHeads', () => {
  it('seals a chunk at the sample limit and at the span limit', () => {
    const heads = new SeriesHeads();
    const dense = heads.allocate();
    for (let i = 0; i < CHUNK_MAX_SAMPLES + 1; i++) heads.append(dense, i * 1000, i);
    expect(counts(heads, dense)).toEqual([CHUNK_MAX_SAMPLES, 1]);
    const sparse = heads.allocate();
    heads.append(sparse, 0, 1);
    heads.append(sparse, CHUNK_MAX_SPAN_MS, 1);
    heads.append(sparse, CHUNK_MAX_SPAN_MS + 1, 1);
    expect(counts(heads, sparse)).toEqual([2, 1]);
  });

  it('rejects samples not newer than the last one', () => {
    const heads = new SeriesHeads();
    const slot = heads.allocate();
    expect(heads.append(slot, 10, 1)).toBe(true);
    expect(heads.append(slot, 10, 2)).toBe(false);
    expect(heads.append(slot, 9, 2)).toBe(false);
  });

  it('keeps many series apart in one arena while their chunks grow', () => {
    const heads = new SeriesHeads();
    const slots = Array.from({ length: 50 }, () => heads.allocate());
    for (let i = 0; i < 100; i++) for (const s of slots) heads.append(s, i * 10_000 + s, (s * 1000 + i) / 7);
    for (const s of slots) {
      const [chunk] = heads.chunksBetween([s], ALL.from, ALL.to);
      const samples = decode(chunk?.data ?? new Uint8Array());
      expect(samples).toHaveLength(100);
      expect(samples[99]).toEqual([99 * 10_000 + s, (s * 1000 + 99) / 7]);
    }
  });

  it('writes only unflushed chunks and forgets sealed ones once stored in full', () => {
    const heads = new SeriesHeads();
    const slot = heads.allocate();
    for (let i = 0; i < CHUNK_MAX_SAMPLES + 5; i++) heads.append(slot, i, i);
    const writes = heads.pendingWrites([slot]);
    expect(writes.map((w) => w.count)).toEqual([CHUNK_MAX_SAMPLES, 5]);
    expect(new Set(writes.map((w) => w.id)).size).toBe(2);
    heads.append(slot, 1000, 1);
    for (const w of writes) heads.written(w);
    expect(heads.buffered()).toBe(1);
    expect(heads.pendingWrites([slot]).map((w) => [w.count, w.startMs, w.endMs, w.id])).toEqual([
      [6, CHUNK_MAX_SAMPLES, 1000, writes[1]?.id],
    ]);
  });

  it('knows a chunk sealed during a flush by its generation', () => {
    const heads = new SeriesHeads();
    const slot = heads.allocate();
    for (let i = 0; i < CHUNK_MAX_SAMPLES; i++) heads.append(slot, i, i);
    const [write] = heads.pendingWrites([slot]);
    heads.append(slot, 500, 1);
    expect(heads.hasUnflushed(slot)).toBe(true);
    if (write) heads.written(write);
    expect(heads.pendingWrites([slot]).map((w) => w.count)).toEqual([1]);
  });

  it('keeps a snapshot unchanged while appends go on', () => {
    const heads = new SeriesHeads();
    const slot = heads.allocate();
    const other = heads.allocate();
    heads.append(slot, 1, 1);
    const [write] = heads.pendingWrites([slot]);
    const copy = Buffer.from(write?.data ?? []);
    for (let i = 2; i < 100; i++) {
      heads.append(slot, i, i * 1.5);
      heads.append(other, i, i * 2.5);
    }
    expect(write?.data).toEqual(copy);
  });

  it('seals an idle chunk and drops it once flushed', () => {
    const heads = new SeriesHeads();
    const slot = heads.allocate();
    heads.append(slot, 0, 1);
    for (const w of heads.pendingWrites([slot])) heads.written(w);
    expect(heads.hasUnflushed(slot)).toBe(false);
    heads.sealIdle(-1);
    expect(counts(heads, slot)).toEqual([1]);
    heads.sealIdle(1);
    expect(counts(heads, slot)).toEqual([]);
    expect(heads.append(slot, 5, 1)).toBe(true);
    expect(heads.append(slot, 5, 1)).toBe(false);
    expect(counts(heads, slot)).toEqual([1]);
  });

  it('keeps an idle chunk with unflushed samples until it is written', () => {
    const heads = new SeriesHeads();
    const slot = heads.allocate();
    heads.append(slot, 0, 1);
    heads.sealIdle(1);
    const writes = heads.pendingWrites([slot]);
    expect(writes.map((w) => w.count)).toEqual([1]);
    for (const w of writes) heads.written(w);
    expect(heads.hasUnflushed(slot)).toBe(false);
    expect(counts(heads, slot)).toEqual([]);
  });
});
