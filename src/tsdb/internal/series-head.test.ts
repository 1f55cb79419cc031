import { describe, expect, it } from 'vitest';
import { CHUNK_MAX_SAMPLES, CHUNK_MAX_SPAN_MS, SeriesHead } from './series-head.js';

describe('SeriesHead', () => {
  it('seals a chunk at the sample limit and at the span limit', () => {
    const head = new SeriesHead();
    for (let i = 0; i < CHUNK_MAX_SAMPLES + 1; i++) head.append(i * 1000, i);
    expect(head.chunks.map((c) => c.encoder.count)).toEqual([CHUNK_MAX_SAMPLES, 1]);
    const sparse = new SeriesHead();
    sparse.append(0, 1);
    sparse.append(CHUNK_MAX_SPAN_MS, 1);
    sparse.append(CHUNK_MAX_SPAN_MS + 1, 1);
    expect(sparse.chunks.map((c) => c.encoder.count)).toEqual([2, 1]);
  });

  it('rejects samples not newer than the last one', () => {
    const head = new SeriesHead();
    expect(head.append(10, 1)).toBe(true);
    expect(head.append(10, 2)).toBe(false);
    expect(head.append(9, 2)).toBe(false);
  });

  it('writes only unflushed chunks and forgets sealed ones once stored in full', () => {
    const head = new SeriesHead();
    for (let i = 0; i < CHUNK_MAX_SAMPLES + 5; i++) head.append(i, i);
    const writes = head.pendingWrites();
    expect(writes.map((w) => w.count)).toEqual([CHUNK_MAX_SAMPLES, 5]);
    head.append(1000, 1);
    for (const w of writes) head.written(w);
    expect(head.chunks).toHaveLength(1);
    expect(head.buffered).toBe(1);
    expect(head.pendingWrites().map((w) => [w.count, w.startMs, w.endMs])).toEqual([[6, CHUNK_MAX_SAMPLES, 1000]]);
  });

  it('keeps a snapshot unchanged while appends go on', () => {
    const head = new SeriesHead();
    head.append(1, 1);
    const [write] = head.pendingWrites();
    const copy = Uint8Array.from(write?.data ?? []);
    for (let i = 2; i < 100; i++) head.append(i, i * 1.5);
    expect(write?.data).toEqual(copy);
  });

  it('seals an idle chunk and drops it once flushed', () => {
    const head = new SeriesHead();
    head.append(0, 1);
    for (const w of head.pendingWrites()) head.written(w);
    head.sealIfIdle(-1);
    expect(head.chunks).toHaveLength(1);
    head.sealIfIdle(1);
    expect(head.chunks).toHaveLength(0);
    expect(head.append(5, 1)).toBe(true);
    expect(head.chunks).toHaveLength(1);
  });
});
