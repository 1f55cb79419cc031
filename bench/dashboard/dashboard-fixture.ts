import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeClock } from '../../src/clock/index.js';
import { loadConfig } from '../../src/config/index.js';
import { type Guardia, openGuardia } from '../../src/engine/index.js';
import type { AppendSample } from '../../src/tsdb/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const ENVIRONMENTS = ['production', 'staging', 'preview', 'internal'] as const;

export interface FixtureSize {
  probes: number;
  /** Hourly rollups of `guardia_probe_up` and the duration this far back (the uptime columns read them). */
  historyMs: number;
  /** Raw samples, one a minute, this far back (the sparklines read the last hour). */
  rawMs: number;
}

/**
 * A guardia with `size.probes` http probes spread over four environments, opened on a
 * SQLite store in `dir`: probe states (1 in 20 down, 1 in 25 degraded), raw samples
 * appended through the tsdb, and hourly rollups written into the tsdb's rollup table in one
 * transaction — what `maintain()` would have left after a week, without computing it.
 */
export async function buildFixture(dir: string, size: FixtureSize, now: number): Promise<Guardia> {
  const lines = ['project: dashboard-bench', 'environments:'];
  const perEnv = Math.ceil(size.probes / ENVIRONMENTS.length);
  const names: { env: string; name: string }[] = [];
  for (const env of ENVIRONMENTS) {
    lines.push(`  ${env}:`, `    url: http://127.0.0.1:9`, '    probes:');
    for (let i = 0; i < perEnv && names.length < size.probes; i++) {
      const name = `p${String(names.length).padStart(4, '0')}`;
      names.push({ env, name });
      lines.push(`      ${name}: { http: /health/${name} }`);
    }
  }
  const file = join(dir, 'guardia.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const config = await loadConfig(file, { env: {} });
  const guardia = await openGuardia({ config, storePath: join(dir, 'guardia.db'), clock: new FakeClock(now) });
  await writeStates(guardia, names, now);
  await writeRaw(guardia, names, now, size.rawMs);
  await writeHourlyRollups(guardia, now, size.historyMs);
  return guardia;
}

function statusOf(i: number): 'up' | 'down' | 'degraded' {
  return i % 20 === 7 ? 'down' : i % 25 === 3 ? 'degraded' : 'up';
}

async function writeStates(guardia: Guardia, names: { env: string; name: string }[], now: number): Promise<void> {
  const rows = names.map((p, i) => ({
    probe_id: `${p.env}/${p.name}`, env: p.env, probe: p.name, kind: 'http', status: statusOf(i),
    reason: statusOf(i) === 'down' ? 'HTTP 503 (expected 200)' : statusOf(i) === 'degraded' ? 'slow: 812 ms > 500 ms' : 'HTTP 200',
    since_ms: now - 3 * HOUR, last_run_ms: now - 10_000, duration_ms: 40,
  }));
  for (let i = 0; i < rows.length; i += 200) await guardia.store.db.insertInto('probe_state').values(rows.slice(i, i + 200)).execute();
}

async function writeRaw(guardia: Guardia, names: { env: string; name: string }[], now: number, rawMs: number): Promise<void> {
  names.forEach((p, i) => {
    const labels = { env: p.env, probe: p.name };
    const samples: AppendSample[] = [];
    for (let t = now - rawMs; t < now; t += MINUTE) {
      const down = statusOf(i) === 'down' && t > now - 10 * MINUTE;
      samples.push(
        { name: 'guardia_probe_up', labels, t, v: down ? 0 : 1, type: 'gauge' },
        { name: 'guardia_probe_state', labels, t, v: down ? 2 : 0, type: 'gauge' },
        { name: 'guardia_probe_duration_seconds', labels, t, v: 0.02 + ((t / MINUTE + i) % 17) / 1000, type: 'gauge' },
      );
    }
    guardia.tsdb.append(`${p.env}/${p.name}`, samples);
  });
  await guardia.tsdb.flush();
}

async function writeHourlyRollups(guardia: Guardia, now: number, historyMs: number): Promise<void> {
  const series = await guardia.store.db.selectFrom('tsdb_series').select(['id', 'name']).where('name', 'in', ['guardia_probe_up', 'guardia_probe_duration_seconds']).execute();
  const start = Math.floor((now - historyMs) / HOUR) * HOUR;
  await guardia.store.db.transaction().execute(async (trx) => {
    let batch: { series_id: number; bucket_ms: number; count: number; sum: number; min: number; max: number; last: number; last_ms: number }[] = [];
    for (const s of series) {
      const up = s.name === 'guardia_probe_up';
      for (let t = start; t + HOUR <= now; t += HOUR) {
        const v = up ? ((t / HOUR + Number(s.id)) % 97 === 0 ? 50 : 60) : 60 * 0.03;
        batch.push({ series_id: Number(s.id), bucket_ms: t, count: 60, sum: v, min: up ? 0 : 0.02, max: up ? 1 : 0.05, last: up ? 1 : 0.03, last_ms: t + HOUR - MINUTE });
        if (batch.length === 500) {
          await trx.insertInto('tsdb_rollup_1h').values(batch).execute();
          batch = [];
        }
      }
    }
    if (batch.length > 0) await trx.insertInto('tsdb_rollup_1h').values(batch).execute();
  });
}
