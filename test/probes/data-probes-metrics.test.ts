import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/index.js';
import { loadConfig } from '../../src/config/index.js';
import { openGuardia, type Guardia } from '../../src/engine/index.js';
import { NODE_EXPORTER_EXPOSITION } from '../../src/probes/scrape/testing/node-exporter-exposition.js';
import { startTarget, type HttpTarget } from '../support/http-target.js';
import { promtoolCheckMetrics } from '../support/promtool.js';
import { useRedisServers } from '../support/redis-server.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

const startRedis = useRedisServers();
let target: HttpTarget;
let failing = false;
let guardia: Guardia;
let dir: string;

beforeAll(async () => {
  target = await startTarget((_req, res) => {
    if (failing) return void res.writeHead(500).end('boom');
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(NODE_EXPORTER_EXPOSITION);
  });
  const redis = await startRedis({ password: 'p@ss word' });
  dir = tempDir();
  const file = writeConfig(
    dir,
    `project: exposetest
environments:
  production:
    url: \${TARGET}
    redis: \${REDIS_URL}
    probes:
      node: { scrape: /metrics }
      app: { scrape: { url: /metrics, expose: true, job: app } }
      cache: { redis: { keys: { locks: "lock:*" } } }
      machine: { host: {}, timeout: 2s }
`,
  );
  const config = await loadConfig(file, { env: { TARGET: target.url, REDIS_URL: redis.url } });
  guardia = await openGuardia({ config, storePath: join(dir, '.guardia', 'guardia.db'), clock: systemClock });
});

afterAll(async () => {
  await guardia?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runAll(): Promise<void> {
  for (const probe of guardia.config.environments[0]?.probes ?? []) await guardia.runner.runOnce(probe);
}

describe('/metrics with redis, scrape and host probes', () => {
  it('shows scraped families only for the probe that exposes them, adding no promtool finding of its own', async () => {
    await runAll();
    const text = await guardia.metrics.render();
    expect(text).toMatch(/^node_cpu_seconds_total\{cpu="0",mode="idle",env="production",job="app",instance="127\.0\.0\.1:\d+"\} 224558\.67$/m);
    expect(text).not.toContain('job="node"');
    expect(text).toContain('# TYPE go_gc_duration_seconds summary');
    expect(text).toContain('guardia_scrape_samples_scraped{env="production",probe="node"} 34');
    expect(text).toContain('# TYPE guardia_redis_evicted_keys_total counter');
    expect(text).toContain('guardia_redis_role{env="production",probe="cache",role="master"} 1');
    expect(text).toMatch(/guardia_host_disk_used_ratio\{env="production",probe="machine",mount="[^"]+"\}/);
    // Names are passed through as the target writes them, so promtool's lint of the target's own naming
    // (node_exporter's camelCase MemAvailable) shows here too; guardia adds no finding of its own.
    const camelCase = "node_memory_MemAvailable_bytes metric names should be written in 'snake_case' not 'camelCase'";
    expect(promtoolCheckMetrics(NODE_EXPORTER_EXPOSITION)).toContain(camelCase);
    expect(promtoolCheckMetrics(text)).toBe(camelCase);
  });

  it('stores every scraped sample in the tsdb, exposed or not', async () => {
    await guardia.tsdb.flush();
    const found = await guardia.tsdb.queryInstant([{ name: '__name__', op: '=', value: 'node_load1' }], Date.now() + 1_000);
    expect(found.map((s) => s.labels.job).sort()).toEqual(['app', 'node']);
  });

  it('lists what each probe checks without credentials', async () => {
    const probes = await guardia.services.probes.list('production');
    const byName = Object.fromEntries(probes.map((p) => [p.name, p.target]));
    expect(byName.app).toBe(`${target.url}/metrics`);
    expect(byName.cache).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(byName.machine).toBe('this host');
  });

  it('withdraws the exposed families when the scrape fails', async () => {
    failing = true;
    const app = guardia.config.environments[0]?.probes.find((p) => p.name === 'app');
    const result = await guardia.runner.runOnce(app!);
    expect(result).toMatchObject({ status: 'down', reason: 'HTTP 500 (expected 2xx)' });
    expect(await guardia.metrics.render()).not.toContain('node_cpu_seconds_total');
    failing = false;
  });
});
