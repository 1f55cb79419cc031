import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/index.js';
import { loadConfig } from '../../src/config/index.js';
import { createDemoApp, type DemoApp } from '../../src/demo/demo-app.js';
import { openGuardia, runDaemon, type Guardia } from '../../src/engine/index.js';
import { startHttpServer, type RunningServer } from '../../src/http/index.js';
import { createLogger } from '../../src/logging/index.js';
import { promtoolCheckMetrics } from '../support/promtool.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

let demo: DemoApp;
let demoServer: RunningServer;
let guardia: Guardia;
let base: string;
const stop = new AbortController();
let daemon: Promise<void>;
const logs: string[] = [];

beforeAll(async () => {
  demo = createDemoApp(systemClock);
  demoServer = await startHttpServer(demo.app, { host: '127.0.0.1', port: 0 });
  const dir = tempDir();
  const file = writeConfig(
    dir,
    `project: daemontest
environments:
  demo:
    url: \${DEMO_URL}
    probes:
      health: { http: /health, every: 1s, timeout: 1s }
      ready: { http: /health/ready, every: 1s, timeout: 1s }
      nightly: { heartbeat: { period: 1h, grace: 5m, token: nightly-token-1 } }
`,
  );
  const config = await loadConfig(file, { env: { DEMO_URL: demoServer.url } });
  guardia = await openGuardia({ config, storePath: `${dir}/.guardia/guardia.db`, clock: systemClock });
  const listening = new Promise<string>((resolve) => {
    daemon = runDaemon(guardia, {
      listen: { host: '127.0.0.1', port: 0 },
      signal: stop.signal,
      log: createLogger({ write: (l) => logs.push(l), redact: guardia.redact }),
      onListening: resolve,
    });
  });
  base = await listening;
  await guardia.events.next('probe:result', (r) => r.probeId === 'demo/health');
});

afterAll(async () => {
  stop.abort();
  await daemon;
  await demoServer.close();
});

describe('guardia up', () => {
  it('reports the demo app up, then down when it fails, over the API', async () => {
    const status = await (await fetch(`${base}/api/v1/status/demo`)).json();
    expect(status).toMatchObject({ name: 'demo' });
    demo.setMode('failing');
    const down = await guardia.events.next('probe:result', (r) => r.probeId === 'demo/health' && r.status === 'down');
    expect(down.reason).toMatch(/503|unhealthy/);
    const probe = await (await fetch(`${base}/api/v1/probes/demo/health`)).json();
    expect(probe).toMatchObject({ status: 'down' });
    demo.setMode('degraded');
    const degraded = await guardia.events.next('probe:result', (r) => r.probeId === 'demo/health' && r.status === 'degraded');
    expect(degraded.reason).toContain('cache');
    demo.setMode('ok');
    await guardia.events.next('probe:result', (r) => r.probeId === 'demo/health' && r.status === 'up');
  });

  it('serves samples of a probe over a range', async () => {
    await guardia.tsdb.flush();
    const body = (await (await fetch(`${base}/api/v1/probes/demo/health/samples?from=-5m&metric=guardia_probe_up`)).json()) as {
      resolution: string;
      series: { labels: Record<string, string>; samples: [number, number][] }[];
    };
    expect(body.resolution).toBe('raw');
    expect(body.series[0]?.labels).toMatchObject({ env: 'demo', probe: 'health' });
    expect(body.series[0]?.samples.length).toBeGreaterThan(0);
  });

  it('takes heartbeat pushes and reports the heartbeat up', async () => {
    const res = await fetch(`${base}/push/nightly-token-1`, { method: 'POST' });
    expect(res.status).toBe(200);
    const result = await guardia.services.probes.runNow('demo/nightly');
    expect(result.status).toBe('up');
  });

  it('exposes /metrics that promtool finds clean', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/guardia_probe_up\{env="demo",probe="health"\} 1/);
    expect(text).toContain('guardia_process_cpu_seconds_total');
    expect(promtoolCheckMetrics(text)).toBe('');
  });

  it('answers /readyz and keeps secrets out of the config summary', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const summary = JSON.stringify(await (await fetch(`${base}/api/v1/config`)).json());
    expect(summary).not.toContain(demoServer.url.split('//')[1]);
  });
});
