import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { createTsdb } from './create-tsdb.js';
import { T0, sample, seededRandom } from './testing/probe-samples.js';
import { tempDir, tsdbTestBackends } from './testing/tsdb-test-backends.js';
import type { Tsdb } from './tsdb.js';

type ValueOf = (r: () => number) => number;

const SCENARIOS: [string, ValueOf, number][] = [
  // [series kind, value generator, expected payload bytes per sample at most]
  ['0/1 up series', (r) => (r() < 0.02 ? 0 : 1), 2.5],
  ['latency seconds rounded to µs', (r) => Math.round((0.012 + r() * 0.01) * 1e6) / 1e6, 4.5],
  ['latency seconds at full float precision', (r) => (12 + r() * 10) / 1000, 9.5],
];

/**
 * 10 probes × 1,000 samples at 10 s with up to 40 ms jitter, flushed every 30 s as the
 * engine would (so open chunks are rewritten), then measured three ways: payload,
 * the estimate of `stats()`, and the pages the backend really uses.
 */
describe.each(tsdbTestBackends)('tsdb bytes per raw sample ($name)', (backend) => {
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

  it.each(SCENARIOS)('stays within 16 bytes per sample for a %s', async (_kind, valueOf, payloadLimit) => {
    const r = seededRandom(11);
    for (let step = 0; step < 1000; step++) {
      const t = T0 + step * 10_000;
      tsdb.append('prod', Array.from({ length: 10 }, (_, p) => sample('m', { probe: `p${p}` }, t + Math.round(r() * 40), valueOf(r))));
      if (step % 3 === 2) await tsdb.flush();
    }
    await tsdb.flush();
    const stats = await tsdb.stats();
    const disk = await backend.chunkTableBytes(store);
    expect(stats.rawSamples).toBe(10_000);
    expect(stats.rawBytes / stats.rawSamples).toBeLessThanOrEqual(payloadLimit);
    expect(stats.rawStorageBytes / stats.rawSamples).toBeLessThanOrEqual(payloadLimit + 1);
    expect(disk / stats.rawSamples).toBeLessThanOrEqual(16);
    // The estimate leaves out free space inside pages, which rewriting open chunks creates.
    expect(stats.rawStorageBytes).toBeLessThanOrEqual(disk);
  });
});
