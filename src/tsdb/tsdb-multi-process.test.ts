import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { createTsdb } from './create-tsdb.js';
import { T0, sample } from './testing/probe-samples.js';
import { tempDir, tsdbTestBackends } from './testing/tsdb-test-backends.js';
import type { LabelMatcher, Tsdb } from './tsdb.js';

const up: LabelMatcher = { name: '__name__', op: '=', value: 'guardia_probe_up' };
const labels = { env: 'prod', probe: 'api' };

/** Two stores on one file stand for the daemon and a CLI command: separate connections, separate heads. */
describe.each(tsdbTestBackends)('tsdb shared by two processes ($name)', (backend) => {
  let tmp: ReturnType<typeof tempDir>;
  let stores: Store[];
  let daemon: Tsdb;
  let cli: Tsdb;

  beforeEach(async () => {
    tmp = tempDir();
    stores = [await backend.open(tmp.dir), await backend.open(tmp.dir)];
    daemon = createTsdb(stores[0] as Store);
    cli = createTsdb(stores[1] as Store);
  });

  afterEach(async () => {
    for (const store of stores) await store.close();
    tmp.remove();
  });

  it('creates one series row when both create it before either flushes', async () => {
    daemon.append('prod/api', [sample('guardia_probe_up', labels, T0, 1)]);
    cli.append('prod/api', [sample('guardia_probe_up', labels, T0 + 5_000, 0)]);
    // One after the other: two connections in one thread cannot wait for each other's lock.
    await cli.flush();
    await daemon.flush();
    daemon.append('prod/api', [sample('guardia_probe_up', labels, T0 + 10_000, 1)]);
    await daemon.flush();
    expect((await daemon.stats()).series).toBe(1);
    const [series] = await cli.queryRange([up], T0, T0 + 60_000);
    expect(series?.samples).toEqual([{ t: T0, v: 1 }, { t: T0 + 5_000, v: 0 }, { t: T0 + 10_000, v: 1 }]);
  });

  it('merges interleaved chunks of one series, sorted and de-duplicated', async () => {
    const even = Array.from({ length: 300 }, (_, i) => sample('guardia_probe_up', labels, T0 + i * 20_000, 1));
    const odd = Array.from({ length: 300 }, (_, i) => sample('guardia_probe_up', labels, T0 + i * 20_000 + 10_000, 0));
    daemon.append('prod/api', even);
    cli.append('prod/api', odd);
    // The same timestamp written by both: one sample survives.
    cli.append('prod/api', [sample('guardia_probe_up', labels, T0 + 300 * 20_000, 1)]);
    daemon.append('prod/api', [sample('guardia_probe_up', labels, T0 + 300 * 20_000, 1)]);
    await cli.flush();
    await daemon.flush();
    const reader = createTsdb(stores[1] as Store);
    const [series] = await reader.queryRange([up], T0, T0 + 10_000_000);
    const times = series?.samples.map((s) => s.t) ?? [];
    expect(times).toHaveLength(601);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(601);
  });

  it('sees the other process\'s flushed series and its own buffered ones in one query', async () => {
    cli.append('prod/db', [sample('guardia_probe_up', { env: 'prod', probe: 'db' }, T0, 1)]);
    await cli.flush();
    daemon.append('prod/api', [sample('guardia_probe_up', labels, T0, 1)]);
    const result = await daemon.queryInstant([up], T0);
    expect(result.map((s) => s.labels.probe)).toEqual(['api', 'db']);
  });
});
