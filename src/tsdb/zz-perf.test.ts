import { it } from 'vitest';
import { createTsdb } from './create-tsdb.js';
import { T0, seededRandom } from './testing/probe-samples.js';
import { tempDir, tsdbTestBackends } from './testing/tsdb-test-backends.js';
import type { AppendSample } from './tsdb.js';
import { writeRollups } from './internal/rollup-writer.js';
import { SeriesIndex } from './internal/series-index.js';
import { refreshIndex } from './internal/series-loader.js';
import { rollupMinutes } from './internal/minute-rollup-job.js';
import { rollupHours } from './internal/hour-rollup-job.js';
import { applyRetention } from './internal/retention-job.js';
it('perf', async () => {
  const tmp = tempDir(); const store = await tsdbTestBackends[0]!.open(tmp.dir); const tsdb = createTsdb(store);
  const r = seededRandom(1);
  const labels = Array.from({ length: 2000 }, (_, p) => ({ env: 'production', probe: `probe-${p}` }));
  for (let cycle = 0; cycle < 360; cycle++) {
    const t = T0 + cycle * 10_000;
    for (let p = 0; p < 2000; p++) {
      const l = labels[p]!;
      const s: AppendSample[] = [
        { name: 'guardia_probe_up', labels: l, t, v: r() < 0.01 ? 0 : 1 },
        { name: 'guardia_probe_duration_seconds', labels: l, t, v: Math.round(r() * 50000) / 1e6 },
        { name: 'guardia_probe_status', labels: l, t, v: 200 },
        { name: 'guardia_probe_value', labels: l, t, v: Math.floor(r() * 10) },
      ];
      tsdb.append(`production/probe-${p}`, s);
    }
    if (cycle % 3 === 2) await tsdb.flush();
  }
  const a0 = performance.now();
  for (let i = 0; i < 3; i++) tsdb.append('x', [{ name: 'zz', labels: { a: String(i) }, t: T0, v: 1 }]);
  const rows = Array.from({ length: 48000 }, (_, i) => ({ seriesId: i, bucketMs: T0, count: 6, sum: 1, min: 0, max: 1, last: 1, lastMs: T0 }));
  await store.db.transaction().execute((trx) => writeRollups(trx, 'tsdb_rollup_1m', rows));
  console.log('write 48k rows', (performance.now() - a0).toFixed(0), 'ms');
  await store.db.deleteFrom('tsdb_rollup_1m').execute();
  await tsdb.flush();
  const index = new SeriesIndex(); await refreshIndex(store.db, index);
  let m0 = performance.now(); await rollupMinutes(store.db, index, T0 + 3600_000 + 120_000, { rollupDelayMs: 60_000 }); console.log('minutes', (performance.now() - m0).toFixed(0));
  m0 = performance.now(); await rollupHours(store.db, index); console.log('hours', (performance.now() - m0).toFixed(0));
  m0 = performance.now(); await applyRetention(store.db, index, T0 + 3600_000, { rawRetentionMs: 48*3600_000, minuteRetentionMs: 30 * 86400_000, hourRetentionMs: 400*86400_000 }); console.log('retention', (performance.now() - m0).toFixed(0));
  m0 = performance.now(); await tsdb.maintain(T0 + 3600_000 + 180_000); console.log('maintain steady', (performance.now() - m0).toFixed(0));
  await store.close(); tmp.remove();
}, 300_000);
