import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../errors.js';
import type { Store } from '../store/index.js';
import { createTsdb } from './create-tsdb.js';
import { T0, sample } from './testing/probe-samples.js';
import { tempDir, tsdbTestBackends } from './testing/tsdb-test-backends.js';
import type { LabelMatcher, Tsdb } from './tsdb.js';

const up: LabelMatcher = { name: '__name__', op: '=', value: 'guardia_probe_up' };

describe.each(tsdbTestBackends)('tsdb append and query ($name)', (backend) => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  let tsdb: Tsdb;

  beforeEach(async () => {
    tmp = tempDir();
    store = await backend.open(tmp.dir);
    tsdb = createTsdb(store);
  });

  afterEach(async () => {
    await tsdb.close().catch(() => undefined);
    await store.close();
    tmp.remove();
  });

  function appendUp(probe: string, count: number, start = T0, env = 'prod'): void {
    const samples = Array.from({ length: count }, (_, i) => sample('guardia_probe_up', { env, probe }, start + i * 10_000, i % 2));
    expect(tsdb.append(`${env}/${probe}`, samples)).toEqual({ accepted: count, rejected: 0, outOfOrder: 0 });
  }

  it('reads buffered samples before a flush and the same samples after it', async () => {
    appendUp('api', 300);
    const before = await tsdb.queryRange([up], T0, T0 + 3_000_000);
    expect(before).toHaveLength(1);
    expect(before[0]?.samples).toHaveLength(300);
    expect((await tsdb.stats()).bufferedSamples).toBe(300);
    await tsdb.flush();
    expect(await tsdb.queryRange([up], T0, T0 + 3_000_000)).toEqual(before);
    const stats = await tsdb.stats();
    expect(stats).toMatchObject({ series: 1, rawSamples: 300, bufferedSamples: 0, rawChunks: 3 });
  });

  it('rewrites open chunks flush after flush with the same statement and keeps every sample', async () => {
    for (let round = 0; round < 4; round++) {
      for (const probe of ['api', 'web', 'db']) appendUp(probe, 1, T0 + round * 10_000);
      await tsdb.flush();
    }
    const series = await tsdb.queryRange([up], T0, T0 + 100_000);
    expect(series.map((s) => s.samples.map((x) => x.v))).toEqual([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    expect(await tsdb.stats()).toMatchObject({ series: 3, rawSamples: 12, bufferedSamples: 0 });
  });

  it('merges flushed, sealed-but-unflushed and open chunks', async () => {
    appendUp('api', 100);
    await tsdb.flush();
    appendUp('api', 250, T0 + 100 * 10_000);
    const [series] = await tsdb.queryRange([up], T0, T0 + 10_000_000);
    expect(series?.samples.map((s) => s.t)).toEqual(Array.from({ length: 350 }, (_, i) => T0 + i * 10_000));
  });

  it('treats the range as closed and returns series metadata', async () => {
    tsdb.append('prod/api', [{ name: 'guardia_probe_up', labels: { env: 'prod', probe: 'api' }, t: T0, v: 1, type: 'gauge', help: 'Probe is up.' }]);
    const result = await tsdb.queryRange([up], T0, T0);
    expect(result).toEqual([{ name: 'guardia_probe_up', labels: { env: 'prod', probe: 'api' }, type: 'gauge', help: 'Probe is up.', samples: [{ t: T0, v: 1 }] }]);
    expect(await tsdb.queryRange([up], T0 + 1, T0 + 100)).toEqual([]);
  });

  it('reads only chunks overlapping the range and cuts samples at its edges', async () => {
    appendUp('api', 1000);
    await tsdb.flush();
    const [series] = await tsdb.queryRange([up], T0 + 5_000_005, T0 + 5_050_000);
    expect(series?.samples.map((s) => s.t)).toEqual([1, 2, 3, 4, 5].map((i) => T0 + 5_000_000 + i * 10_000));
  });

  it('drops and counts samples not newer than the last of their series', async () => {
    appendUp('api', 3);
    const late = [sample('guardia_probe_up', { env: 'prod', probe: 'api' }, T0 + 10_000, 5), sample('guardia_probe_up', { env: 'prod', probe: 'api' }, T0 + 20_000, 5)];
    expect(tsdb.append('prod/api', late)).toEqual({ accepted: 0, rejected: 0, outOfOrder: 2 });
    const [series] = await tsdb.queryRange([up], T0, T0 + 100_000);
    expect(series?.samples.map((s) => s.v)).toEqual([0, 1, 0]);
    expect((await tsdb.stats()).outOfOrderDropped).toBe(2);
  });

  it('selects with =, !=, =~, !~, __name__ regexes and missing labels', async () => {
    appendUp('api', 1);
    appendUp('db', 1);
    appendUp('api', 1, T0, 'staging');
    tsdb.append('x', [sample('guardia_probe_duration_seconds', { env: 'prod', probe: 'api' }, T0, 0.0123)]);
    tsdb.append('x', [sample('guardia_probe_up', { probe: 'nolabel' }, T0, 1)]);
    const probes = async (...matchers: LabelMatcher[]) =>
      (await tsdb.queryInstant(matchers, T0)).map((s) => `${s.name}/${s.labels.env ?? '-'}/${s.labels.probe}`);
    expect(await probes(up, { name: 'env', op: '=', value: 'prod' })).toEqual(['guardia_probe_up/prod/api', 'guardia_probe_up/prod/db']);
    expect(await probes(up, { name: 'env', op: '!=', value: 'prod' })).toEqual(['guardia_probe_up/staging/api', 'guardia_probe_up/-/nolabel']);
    expect(await probes(up, { name: 'env', op: '=', value: '' })).toEqual(['guardia_probe_up/-/nolabel']);
    expect(await probes(up, { name: 'probe', op: '=~', value: 'a.|d.' })).toEqual(['guardia_probe_up/prod/db']);
    expect(await probes({ name: 'probe', op: '=~', value: 'ap.' }, { name: 'env', op: '!~', value: 'stag.*' })).toEqual([
      'guardia_probe_duration_seconds/prod/api', 'guardia_probe_up/prod/api',
    ]);
    expect(await probes({ name: '__name__', op: '=~', value: '.*_seconds' })).toEqual(['guardia_probe_duration_seconds/prod/api']);
  });

  it('answers an instant query with the newest sample inside the lookback', async () => {
    tsdb.append('prod/api', [sample('guardia_probe_up', {}, T0, 1), sample('guardia_probe_up', {}, T0 + 60_000, 0)]);
    await tsdb.flush();
    expect((await tsdb.queryInstant([up], T0 + 30_000))[0]?.sample).toEqual({ t: T0, v: 1 });
    expect((await tsdb.queryInstant([up], T0 + 60_000))[0]?.sample).toEqual({ t: T0 + 60_000, v: 0 });
    expect((await tsdb.queryInstant([up], T0 + 60_000 + 299_999))[0]?.sample.t).toBe(T0 + 60_000);
    expect(await tsdb.queryInstant([up], T0 + 60_000 + 300_000)).toEqual([]);
    expect(await tsdb.queryInstant([up], T0 - 1)).toEqual([]);
    expect((await tsdb.queryInstant([up], T0 + 20_000, 10_000))).toEqual([]);
  });

  it('treats an empty label value as an absent label', async () => {
    tsdb.append('t', [sample('m', { a: '' }, T0, 1), sample('m', {}, T0 + 1, 2)]);
    await tsdb.flush();
    expect((await tsdb.stats()).series).toBe(1);
  });

  it('rejects an invalid batch as a whole with InvalidRequestError', async () => {
    const bad = [sample('ok_metric', {}, T0, 1), sample('ok_metric', {}, T0 + 0.5, 1)];
    expect(() => tsdb.append('t', bad)).toThrow(InvalidRequestError);
    expect(() => tsdb.append('t', [sample('bad-name', {}, T0, 1)])).toThrow(/invalid metric name/);
    expect(() => tsdb.append('t', [sample('m', { 'bad-label': 'x' }, T0, 1)])).toThrow(/invalid label name/);
    expect(await tsdb.queryRange([{ name: '__name__', op: '=', value: 'ok_metric' }], T0 - 1, T0 + 1)).toEqual([]);
  });

  it('keeps flushed data across a restart and continues the same series', async () => {
    appendUp('api', 150);
    await tsdb.close();
    await store.close();
    store = await backend.open(tmp.dir);
    tsdb = createTsdb(store);
    appendUp('api', 10, T0 + 150 * 10_000);
    const [series] = await tsdb.queryRange([up], T0, T0 + 10_000_000);
    expect(series?.samples).toHaveLength(160);
    await tsdb.flush();
    expect(await tsdb.stats()).toMatchObject({ series: 1, rawSamples: 160 });
  });

  it('keeps what was flushed when the process dies before the next flush', async () => {
    appendUp('api', 50);
    await tsdb.flush();
    appendUp('api', 20, T0 + 50 * 10_000);
    const other = createTsdb(store);
    const [series] = await other.queryRange([up], T0, T0 + 10_000_000);
    expect(series?.samples).toHaveLength(50);
  });

  it('refuses use after close', async () => {
    await tsdb.close();
    expect(() => tsdb.append('t', [])).toThrow(/closed/);
  });
});
