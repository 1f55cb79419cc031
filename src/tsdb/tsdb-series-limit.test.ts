import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { createTsdb } from './create-tsdb.js';
import { SERIES_LIMIT_METRIC } from './internal/sample-appender.js';
import { T0, sample } from './testing/probe-samples.js';
import { tempDir, tsdbTestBackends } from './testing/tsdb-test-backends.js';

const limitMetric = { name: '__name__', op: '=', value: SERIES_LIMIT_METRIC } as const;

describe.each(tsdbTestBackends)('tsdb series limit ($name)', (backend) => {
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

  const batch = (t: number, ids: number[]) => ids.map((i) => sample('app_requests_total', { path: `/p${i}` }, t, i, 'counter'));

  it('rejects new series of a target over its limit while existing ones keep working', async () => {
    const tsdb = createTsdb(store, { seriesLimitPerTarget: 3 });
    expect(tsdb.append('prod/app', batch(T0, [1, 2, 3, 4, 5]))).toEqual({ accepted: 3, rejected: 2, outOfOrder: 0 });
    expect(tsdb.append('prod/app', batch(T0 + 15_000, [1, 2, 3, 6]))).toEqual({ accepted: 3, rejected: 1, outOfOrder: 0 });
    expect(tsdb.append('prod/other', batch(T0, [9]))).toEqual({ accepted: 1, rejected: 0, outOfOrder: 0 });
    expect(tsdb.seriesLimitRejections()).toEqual(new Map([['prod/app', 3]]));
    const counter = await tsdb.queryRange([limitMetric], T0, T0 + 60_000);
    expect(counter).toEqual([expect.objectContaining({
      labels: { target: 'prod/app' }, type: 'counter', samples: [{ t: T0, v: 2 }, { t: T0 + 15_000, v: 3 }],
    })]);
  });

  it('exempts its own counter from the limit', async () => {
    const tsdb = createTsdb(store, { seriesLimitPerTarget: 0 });
    expect(tsdb.append('a', batch(T0, [1])).rejected).toBe(1);
    expect(tsdb.append('b', batch(T0, [1])).rejected).toBe(1);
    await tsdb.flush();
    expect((await tsdb.queryInstant([limitMetric], T0)).map((s) => s.labels.target)).toEqual(['a', 'b']);
  });

  it('counts series stored earlier (by any process) towards the limit', async () => {
    const first = createTsdb(store, { seriesLimitPerTarget: 2 });
    first.append('prod/app', batch(T0, [1, 2]));
    await first.close();
    const second = createTsdb(store, { seriesLimitPerTarget: 2 });
    await second.flush();
    expect(second.append('prod/app', batch(T0 + 10_000, [1, 3]))).toEqual({ accepted: 1, rejected: 1, outOfOrder: 0 });
  });
});
