import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { createTsdb } from './create-tsdb.js';
import { T0, sample } from './testing/probe-samples.js';
import { tempDir, tsdbTestBackends } from './testing/tsdb-test-backends.js';
import type { LabelMatcher } from './tsdb.js';

const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const lat: LabelMatcher = { name: '__name__', op: '=', value: 'lat' };

describe.each(tsdbTestBackends)('tsdb retention ($name)', (backend) => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;

  beforeEach(async () => {
    tmp = tempDir();
    store = await backend.open(tmp.dir);
  });

  afterEach(async () => {
    await store.close();
    tmp.remove();
  });

  /** One sample a minute for `hours` hours. */
  function fill(tsdb: ReturnType<typeof createTsdb>, hours: number): void {
    tsdb.append('t', Array.from({ length: hours * 60 }, (_, i) => sample('lat', {}, T0 + i * M, i)));
  }

  it('deletes raw chunks past 48 h by default and keeps the rollups', async () => {
    const tsdb = createTsdb(store);
    fill(tsdb, 72);
    await tsdb.maintain(T0 + 72 * H);
    const raw = (await tsdb.queryRange([lat], T0, T0 + 72 * H))[0]?.samples ?? [];
    expect(raw[0]?.t).toBeGreaterThanOrEqual(T0 + 24 * H - 2 * H);
    expect(raw.at(-1)?.t).toBe(T0 + 72 * H - M);
    expect((await tsdb.queryRollup([lat], '1m', T0, T0 + 72 * H))[0]?.points[0]?.t).toBe(T0);
    expect((await tsdb.queryRollup([lat], '1h', T0, T0 + 72 * H))[0]?.points).toHaveLength(71);
  });

  it('applies each tier\'s own retention', async () => {
    const tsdb = createTsdb(store, { rawRetentionMs: H, minuteRetentionMs: 3 * H, hourRetentionMs: 6 * H });
    fill(tsdb, 10);
    // Roll up hour by hour, as the engine would, so nothing is lost to the raw retention first.
    for (let h = 1; h <= 10; h++) await tsdb.maintain(T0 + h * H + 2 * M);
    const now = T0 + 10 * H + 2 * M;
    const minutes = (await tsdb.queryRollup([lat], '1m', T0, now))[0]?.points ?? [];
    const hours = (await tsdb.queryRollup([lat], '1h', T0, now))[0]?.points ?? [];
    expect(minutes[0]?.t).toBe(now - 3 * H);
    expect(hours.map((p) => (p.t - T0) / H)).toEqual([5, 6, 7, 8, 9]);
    const stats = await tsdb.stats();
    expect(stats.rawSamples).toBeLessThanOrEqual(60 + 120 + 2);
  });

  it('removes everything of a series gone quiet, keeping its series row', async () => {
    const tsdb = createTsdb(store);
    fill(tsdb, 1);
    await tsdb.maintain(T0 + 2 * H);
    await tsdb.maintain(T0 + 500 * D);
    expect(await tsdb.queryRange([lat], T0, T0 + 500 * D)).toEqual([]);
    expect(await tsdb.queryRollup([lat], '1h', T0, T0 + 500 * D)).toEqual([]);
    expect(await tsdb.stats()).toMatchObject({ series: 1, rawChunks: 0 });
  });
});
