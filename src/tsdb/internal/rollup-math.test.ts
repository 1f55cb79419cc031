import { describe, expect, it } from 'vitest';
import { type RollupBucket, rollupBuckets } from './rollup-math.js';
import { SampleColumns } from './sample-columns.js';

const M = 60_000;

function columns(samples: [number, number][]): SampleColumns {
  const c = new SampleColumns();
  for (const [t, v] of samples) c.push(t, v);
  c.normalize();
  return c;
}

function rollup(samples: [number, number][], counter: boolean, from = 0, to = 10 * M): RollupBucket[] {
  const out: RollupBucket[] = [];
  rollupBuckets(columns(samples), { from, to, bucketMs: M, counter, maxGapMs: 15 * M }, (b) => out.push({ ...b }));
  return out;
}

describe('rollupBuckets', () => {
  it('aggregates gauges per bucket', () => {
    expect(rollup([[0, 1], [20_000, 3], [40_000, 2], [60_000, 5]], false)).toEqual([
      { bucketMs: 0, count: 3, sum: 6, min: 1, max: 3, last: 2, lastMs: 40_000 },
      { bucketMs: M, count: 1, sum: 5, min: 5, max: 5, last: 5, lastMs: 60_000 },
    ]);
  });

  it('puts a counter increase in sum, chained across buckets, and counts resets from 0', () => {
    const out = rollup([[0, 10], [30_000, 15], [60_000, 20], [90_000, 4], [120_000, 6]], true);
    expect(out.map((b) => b.sum)).toEqual([5, 9, 2]);
    expect(out.map((b) => b.last)).toEqual([15, 4, 6]);
  });

  it('uses samples before `from` only to seed the first increase', () => {
    const out = rollup([[50_000, 100], [70_000, 103], [100_000, 110]], true, M, 2 * M);
    expect(out).toEqual([{ bucketMs: M, count: 2, sum: 10, min: 103, max: 110, last: 110, lastMs: 100_000 }]);
  });

  it('does not count an increase across a gap longer than maxGapMs', () => {
    expect(rollup([[0, 1], [20 * M, 50]], true, 0, 30 * M).map((b) => b.sum)).toEqual([0, 0]);
  });

  it('counts NaN samples without letting them poison sum, min, max or the counter chain', () => {
    const out = rollup([[0, 1], [10_000, NaN], [20_000, 4]], true);
    expect(out[0]).toMatchObject({ count: 3, sum: 3, min: 1, max: 4, last: 4 });
    const gauge = rollup([[0, NaN]], false);
    expect(gauge[0]?.count).toBe(1);
    expect(gauge[0]?.min).toBeNaN();
  });

  it('stops at `to`', () => {
    expect(rollup([[0, 1], [M, 2]], false, 0, M)).toHaveLength(1);
  });
});

describe('SampleColumns', () => {
  it('sorts interleaved chunks and keeps one sample per timestamp', () => {
    const c = columns([[30, 3], [10, 1], [20, 2], [10, 9], [40, 4]]);
    expect(c.toSamples()).toEqual([{ t: 10, v: 1 }, { t: 20, v: 2 }, { t: 30, v: 3 }, { t: 40, v: 4 }]);
  });

  it('grows past its initial capacity', () => {
    const c = new SampleColumns();
    for (let i = 0; i < 1000; i++) c.push(i, i);
    expect(c.toSamples()[999]).toEqual({ t: 999, v: 999 });
  });
});
