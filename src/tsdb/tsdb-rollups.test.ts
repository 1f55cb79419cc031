import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { createTsdb } from './create-tsdb.js';
import { T0, sample } from './testing/probe-samples.js';
import { tempDir, tsdbTestBackends } from './testing/tsdb-test-backends.js';
import type { LabelMatcher, Tsdb } from './tsdb.js';

const M = 60_000;
const H = 60 * M;
const name = (value: string): LabelMatcher => ({ name: '__name__', op: '=', value });

describe.each(tsdbTestBackends)('tsdb rollups ($name)', (backend) => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  let tsdb: Tsdb;

  beforeEach(async () => {
    tmp = tempDir();
    store = await backend.open(tmp.dir);
    tsdb = createTsdb(store);
  });

  afterEach(async () => {
    await store.close();
    tmp.remove();
  });

  it('rolls up gauges per minute, including samples not flushed yet', async () => {
    tsdb.append('t', [0, 20_000, 40_000, 60_000, 80_000].map((dt, i) => sample('lat', {}, T0 + dt, [3, 1, 2, 5, 4][i] as number)));
    await tsdb.maintain(T0 + 2 * M + 60_000);
    const [series] = await tsdb.queryRollup([name('lat')], '1m', T0, T0 + H);
    expect(series?.points).toEqual([
      { t: T0, count: 3, sum: 6, min: 1, max: 3, last: 2 },
      { t: T0 + M, count: 2, sum: 9, min: 4, max: 5, last: 4 },
    ]);
  });

  it('waits rollupDelayMs after a minute ends before computing it, then writes it once', async () => {
    tsdb.append('t', [sample('lat', {}, T0 + 1_000, 1)]);
    await tsdb.maintain(T0 + M + 59_999);
    expect(await tsdb.queryRollup([name('lat')], '1m', T0, T0 + H)).toEqual([]);
    await tsdb.maintain(T0 + 2 * M);
    expect((await tsdb.queryRollup([name('lat')], '1m', T0, T0 + H))[0]?.points).toHaveLength(1);
    // A late sample of that minute stays raw: the bucket is not computed again.
    tsdb.append('t', [sample('lat', {}, T0 + 2_000, 100)]);
    await tsdb.maintain(T0 + 3 * M);
    expect((await tsdb.queryRollup([name('lat')], '1m', T0, T0 + H))[0]?.points[0]?.count).toBe(1);
  });

  it('stores counter increases, counting a reset from zero', async () => {
    const values = [10, 15, 20, 26, 3, 8, 8, 12];
    tsdb.append('t', values.map((v, i) => sample('reqs_total', {}, T0 + i * 30_000, v, 'counter')));
    await tsdb.maintain(T0 + 10 * M);
    const [series] = await tsdb.queryRollup([name('reqs_total')], '1m', T0, T0 + H);
    expect(series?.points.map((p) => p.sum)).toEqual([5, 11, 8, 4]);
    expect(series?.points.map((p) => p.last)).toEqual([15, 26, 8, 12]);
  });

  it('rolls 1-minute rows up into hours, chaining counter increases across minutes', async () => {
    const samples = [];
    for (let i = 0; i < 2 * 360 + 10; i++) samples.push(sample('reqs_total', {}, T0 + i * 10_000, i % 200 === 199 ? 0 : i, 'counter'));
    tsdb.append('t', samples);
    const gauge = Array.from({ length: 720 }, (_, i) => sample('up', {}, T0 + i * 10_000, i === 500 ? 0 : 1));
    tsdb.append('t', gauge);
    await tsdb.maintain(T0 + 3 * H + 2 * M);
    const [counter] = await tsdb.queryRollup([name('reqs_total')], '1h', T0, T0 + 3 * H);
    const [up] = await tsdb.queryRollup([name('up')], '1h', T0, T0 + 3 * H);
    expect(counter?.points.map((p) => p.t)).toEqual([T0, T0 + H, T0 + 2 * H]);
    const raw = (await tsdb.queryRange([name('reqs_total')], T0, T0 + 3 * H))[0]?.samples ?? [];
    let increase = 0;
    for (let i = 1; i < raw.length; i++) {
      const [a, b] = [raw[i - 1]?.v as number, raw[i]?.v as number];
      increase += b >= a ? b - a : b;
    }
    expect(counter?.points.reduce((s, p) => s + p.sum, 0)).toBe(increase);
    expect(up?.points).toEqual([
      { t: T0, count: 360, sum: 360, min: 1, max: 1, last: 1 },
      { t: T0 + H, count: 360, sum: 359, min: 0, max: 1, last: 1 },
    ]);
  });

  it('counts samples of two processes in one bucket and stores NaN as a number-less bucket', async () => {
    const other = createTsdb(store);
    tsdb.append('t', [sample('lat', {}, T0, 1)]);
    other.append('t', [sample('lat', {}, T0 + 30_000, 3)]);
    tsdb.append('t', [sample('stale', {}, T0, NaN)]);
    await other.flush();
    await tsdb.maintain(T0 + 5 * M);
    const [lat] = await tsdb.queryRollup([name('lat')], '1m', T0, T0);
    expect(lat?.points[0]).toMatchObject({ count: 2, sum: 4, last: 3 });
    const [stale] = await tsdb.queryRollup([name('stale')], '1m', T0, T0);
    expect(stale?.points[0]?.count).toBe(1);
    expect(stale?.points[0]?.last).toBeNaN();
  });

  it('rolls up data arriving after a long quiet period, in both tiers', async () => {
    tsdb.append('t', [sample('lat', {}, T0, 1)]);
    await tsdb.maintain(T0 + 2 * H);
    const later = T0 + 100 * 24 * H;
    tsdb.append('t', [sample('lat', {}, later, 7), sample('lat', {}, later + M, 9)]);
    await tsdb.maintain(later + H + 2 * M);
    const minutes = (await tsdb.queryRollup([name('lat')], '1m', T0, later + H))[0]?.points ?? [];
    // The T0 minute is past the 30-day retention of the 1-minute tier; its hour is kept.
    expect(minutes.map((p) => [p.t, p.last])).toEqual([[later, 7], [later + M, 9]]);
    const hours = (await tsdb.queryRollup([name('lat')], '1h', T0, later + H))[0]?.points ?? [];
    expect(hours.map((p) => [p.t, p.count, p.sum])).toEqual([[T0, 1, 1], [later, 2, 16]]);
  });

  it('gives the same rows when maintenance runs again or from another process', async () => {
    tsdb.append('t', Array.from({ length: 100 }, (_, i) => sample('lat', {}, T0 + i * 7_000, i)));
    await tsdb.maintain(T0 + 2 * H);
    const first = await tsdb.queryRollup([name('lat')], '1m', T0, T0 + 2 * H);
    await createTsdb(store).maintain(T0 + 2 * H + 5 * M);
    await tsdb.maintain(T0 + 2 * H + 10 * M);
    expect(await tsdb.queryRollup([name('lat')], '1m', T0, T0 + 2 * H)).toEqual(first);
  });
});
