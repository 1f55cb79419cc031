import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { createTsdb, type AppendSample, type Tsdb } from '../../src/tsdb/index.js';

/** What the rules read: `targets` probes × 10 series each (up, duration, 2 request counters, 6 histogram buckets). */
export interface FixtureShape {
  targets: number;
  scrapeMs: number;
  retentionMs: number;
}

export const SERIES_PER_TARGET = 10;
const BUCKETS = ['0.05', '0.1', '0.25', '0.5', '1', '+Inf'];
/** Fixed data end, so a built store is reused across runs; the bench shifts its clock to follow it. */
export const FIXTURE_END = Date.UTC(2026, 0, 3);

/** The samples of every series at one scrape time, deterministic in (target, t). */
export function samplesAt(shape: FixtureShape, t: number): AppendSample[] {
  const out: AppendSample[] = [];
  const step = Math.round(t / shape.scrapeMs);
  for (let i = 0; i < shape.targets; i++) {
    const probe = `p${String(i).padStart(4, '0')}`;
    const env = i % 2 === 0 ? 'production' : 'staging';
    const labels = { env, probe };
    const up = (step + i) % 97 === 0 ? 0 : 1;
    out.push({ name: 'guardia_probe_up', labels, t, v: up, type: 'gauge' });
    out.push({ name: 'guardia_probe_duration_seconds', labels, t, v: 0.05 + ((step * 7 + i) % 50) / 100, type: 'gauge' });
    out.push({ name: 'http_requests_total', labels: { ...labels, code: '200' }, t, v: step * 10, type: 'counter' });
    out.push({ name: 'http_requests_total', labels: { ...labels, code: '500' }, t, v: Math.floor(step / 7), type: 'counter' });
    BUCKETS.forEach((le, b) => {
      out.push({ name: 'http_request_duration_seconds_bucket', labels: { ...labels, le }, t, v: step * (b + 1) * 2, type: 'counter' });
    });
  }
  return out;
}

/**
 * Opens (building once, then reusing) a store holding `retentionMs` of raw samples
 * ending at `FIXTURE_END`. Building 2,000 series × 48 h at 15 s takes a few minutes.
 */
export async function openFixture(dir: string, shape: FixtureShape, log: (line: string) => void): Promise<{ store: Store; tsdb: Tsdb }> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `promql-${shape.targets}x${SERIES_PER_TARGET}-${shape.retentionMs / 3_600_000}h-${shape.scrapeMs / 1000}s.sqlite`);
  if (!existsSync(file)) await build(file, shape, log);
  const store = await openSqliteStore(file);
  return { store, tsdb: createTsdb(store, { rawRetentionMs: shape.retentionMs * 2 }) };
}

async function build(file: string, shape: FixtureShape, log: (line: string) => void): Promise<void> {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const store = await openSqliteStore(partial);
  const tsdb = createTsdb(store, { rawRetentionMs: shape.retentionMs * 2 });
  const started = Date.now();
  let steps = 0;
  for (let t = FIXTURE_END - shape.retentionMs; t <= FIXTURE_END; t += shape.scrapeMs) {
    tsdb.append('bench', samplesAt(shape, t));
    if (++steps % 120 === 0) {
      await tsdb.flush();
      if (steps % 1200 === 0) log(`fixture: ${((100 * (t - FIXTURE_END + shape.retentionMs)) / shape.retentionMs).toFixed(0)} % (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  }
  await tsdb.close();
  await store.close();
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(partial + suffix)) renameSync(partial + suffix, file + suffix);
  log(`fixture: built ${file} in ${Math.round((Date.now() - started) / 1000)} s`);
}
