import type { IncomingHttpHeaders, RequestListener } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock/index.js';
import type { ProbeCommon, ProbeConfig, ScrapeProbeSpec } from '../../config/resolved-config.js';
import { EventBus, type GuardiaEvents } from '../../events/index.js';
import { openMemoryStore, type Store } from '../../store/index.js';
import { createTsdb, type Tsdb } from '../../tsdb/index.js';
import { closedPort, common, httpServer, type TestServer } from '../internal/probe-test-kit.js';
import type { MetricFamily } from '../probe.js';
import { createProbeRunner } from '../probe-runner.js';
import { NODE_EXPORTER_EXPOSITION, NODE_EXPORTER_SAMPLES } from './testing/node-exporter-exposition.js';

const servers: TestServer[] = [];
let store: Store;
let tsdb: Tsdb;

beforeEach(async () => {
  store = await openMemoryStore();
  tsdb = createTsdb(store);
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await tsdb.close();
  await store.close();
});

async function serve(handler: RequestListener): Promise<TestServer> {
  const server = await httpServer(handler);
  servers.push(server);
  return server;
}

const text = (body: string): RequestListener => (_req, res) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body);

function spec(url: string, overrides: Partial<ScrapeProbeSpec> = {}): ScrapeProbeSpec {
  return { url, headers: {}, expose: false, job: 'node', seriesLimit: 10_000, honorLabels: false, maxBodyBytes: 1_048_576, ...overrides };
}

/** Runs a scrape probe through the runner into the real tsdb; returns the result and what `expose` received. */
async function scrape(url: string, overrides: Partial<ScrapeProbeSpec> = {}, timing: Partial<ProbeCommon> = {}) {
  const config: ProbeConfig = { ...common('node', timing), kind: 'scrape', scrape: spec(url, overrides) };
  let exposed: readonly MetricFamily[] | undefined = [];
  const runner = createProbeRunner({
    clock: systemClock, tsdb, store, events: new EventBus<GuardiaEvents>(),
    expose: (_id, families) => (exposed = families),
  });
  const result = await runner.runOnce(config);
  return { result, exposed };
}

async function series(selector: Record<string, string>) {
  const matchers = Object.entries(selector).map(([name, value]) => ({ name, op: '=' as const, value }));
  return tsdb.queryInstant(matchers, Date.now() + 1_000);
}

describe('ScrapeProbe against a node_exporter-style endpoint', () => {
  it('ingests every sample with env, job and instance labels into the tsdb', async () => {
    const target = await serve(text(NODE_EXPORTER_EXPOSITION));
    const { result, exposed } = await scrape(`${target.url}/metrics`);
    expect(result).toMatchObject({ status: 'up', reason: `${NODE_EXPORTER_SAMPLES} samples scraped` });
    expect(exposed).toBeUndefined();
    const instance = `127.0.0.1:${target.port}`;
    const idle = await series({ __name__: 'node_cpu_seconds_total', cpu: '1', mode: 'idle' });
    expect(idle.map((s) => [s.labels, s.sample.v, s.type, s.help])).toEqual([
      [{ cpu: '1', env: 'production', instance, job: 'node', mode: 'idle' }, 223991.05, 'counter', 'Seconds the CPUs spent in each mode.'],
    ]);
    const bucket = await series({ __name__: 'http_request_duration_seconds_bucket', le: '+Inf' });
    expect(bucket.map((s) => [s.sample.v, s.type])).toEqual([[152, 'counter']]);
    const quantile = await series({ __name__: 'go_gc_duration_seconds', quantile: '1' });
    expect(quantile.map((s) => [s.sample.v, s.type])).toEqual([[0.000331, 'summary']]);
    const escaped = await series({ __name__: 'node_filesystem_avail_bytes', fstype: 'cifs' });
    expect(escaped[0]?.labels.mountpoint).toBe('/mnt/team "shared" C:\\backup');
    const legacy = await series({ __name__: 'legacy_queue_depth' });
    expect(legacy.map((s) => [s.sample.v, s.type])).toEqual([[3, 'untyped']]);
  });

  it('renames a clashing target label to exported_*, or keeps it with honor_labels', async () => {
    const target = await serve(text(NODE_EXPORTER_EXPOSITION));
    await scrape(`${target.url}/metrics`);
    const renamed = await series({ __name__: 'node_textfile_scrape_error' });
    expect(renamed[0]?.labels).toMatchObject({ job: 'node', exported_job: 'nightly-backup' });
    await scrape(`${target.url}/metrics`, { honorLabels: true, job: 'other' });
    const honored = await series({ __name__: 'node_textfile_scrape_error', job: 'nightly-backup' });
    expect(honored[0]?.labels).not.toHaveProperty('exported_job');
  });

  it('writes scrape_samples_scraped and scrape_duration_seconds for the probe', async () => {
    const target = await serve(text(NODE_EXPORTER_EXPOSITION));
    await scrape(`${target.url}/metrics`);
    const scraped = await series({ __name__: 'guardia_scrape_samples_scraped', env: 'production', probe: 'node' });
    expect(scraped.map((s) => s.sample.v)).toEqual([NODE_EXPORTER_SAMPLES]);
    const duration = await series({ __name__: 'guardia_scrape_duration_seconds', probe: 'node' });
    expect(duration[0]?.sample.v).toBeGreaterThanOrEqual(0);
  });

  it('asks for the text format as Prometheus does and sends configured headers', async () => {
    let headers: IncomingHttpHeaders = {};
    const target = await serve((req, res) => {
      headers = req.headers;
      text('up 1\n')(req, res);
    });
    await scrape(`${target.url}/metrics`, { headers: { authorization: 'Bearer t0ken' } }, { timeoutMs: 4_000 });
    expect(headers).toMatchObject({
      accept: 'text/plain;version=0.0.4;q=1,*/*;q=0.1',
      authorization: 'Bearer t0ken',
      'x-prometheus-scrape-timeout-seconds': '4',
    });
  });

  it('hands the families to expose only when expose is on', async () => {
    const target = await serve(text('# HELP up Whether up.\n# TYPE up gauge\nup 1\n'));
    const { exposed } = await scrape(`${target.url}/metrics`, { expose: true });
    expect(exposed).toEqual([
      { name: 'up', help: 'Whether up.', type: 'gauge', samples: [{ name: 'up', labels: { env: 'production', job: 'node', instance: `127.0.0.1:${target.port}` }, value: 1 }] },
    ]);
  });
});

describe('ScrapeProbe failures', () => {
  it('is down naming the line of an invalid exposition, and stores none of it', async () => {
    const target = await serve(text('# TYPE up gauge\nup 1\nup{job="x} 2\n'));
    const { result, exposed } = await scrape(`${target.url}/metrics`, { expose: true });
    expect(result).toMatchObject({ status: 'down', reason: 'invalid exposition at line 3: unterminated label value: missing the closing quote: up{job="x} 2' });
    expect(exposed).toBeUndefined();
    expect(await series({ __name__: 'up' })).toEqual([]);
  });

  it('is down with the status of a 404', async () => {
    const target = await serve((_req, res) => res.writeHead(404).end('not found'));
    const { result } = await scrape(`${target.url}/nope`);
    expect(result).toMatchObject({ status: 'down', reason: 'HTTP 404 (expected 2xx)' });
  });

  it('is down with the socket error when nothing listens', async () => {
    const port = await closedPort();
    const { result } = await scrape(`http://127.0.0.1:${port}/metrics`);
    expect(result).toMatchObject({ status: 'down', reason: `connect ECONNREFUSED 127.0.0.1:${port}` });
  });

  it('times out on a slow target', async () => {
    const target = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('up 1\n');
    });
    const { result } = await scrape(`${target.url}/metrics`, {}, { timeoutMs: 300 });
    expect(result).toMatchObject({ status: 'down', reason: 'timed out after 300 ms' });
  });

  it('refuses an exposition over max_body', async () => {
    const target = await serve(text(NODE_EXPORTER_EXPOSITION));
    const { result } = await scrape(`${target.url}/metrics`, { maxBodyBytes: 1_024 });
    expect(result).toMatchObject({ status: 'down', reason: 'exposition larger than max_body 1 KiB' });
  });

  it('keeps the first series up to series_limit and is degraded', async () => {
    const body = Array.from({ length: 50 }, (_, i) => `queue_depth{queue="q${i}"} ${i}`).join('\n');
    const target = await serve(text(`# HELP queue_depth Jobs waiting.\n# TYPE queue_depth gauge\n${body}\n`));
    const { result, exposed } = await scrape(`${target.url}/metrics`, { seriesLimit: 20, expose: true });
    expect(result).toMatchObject({ status: 'degraded', reason: 'series limit: the target exposes 50 series, over series_limit 20; kept the first 20' });
    const stored = await series({ __name__: 'queue_depth' });
    expect(stored.map((s) => s.labels.queue).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `q${i}`).sort());
    expect(exposed?.[0]?.samples).toHaveLength(20);
    expect(await series({ __name__: 'guardia_probe_up', probe: 'node' })).toHaveLength(1);
  });

  it('still records the probe when the tsdb series limit of its target is reached', async () => {
    await tsdb.close();
    tsdb = createTsdb(store, { seriesLimitPerTarget: 10 });
    const target = await serve(text(NODE_EXPORTER_EXPOSITION));
    const { result } = await scrape(`${target.url}/metrics`);
    expect(result.status).toBe('up');
    expect((await series({ __name__: 'guardia_probe_up', probe: 'node' })).map((s) => s.sample.v)).toEqual([1]);
    expect(tsdb.seriesLimitRejections().get('production/node')).toBeGreaterThan(0);
  });
});
