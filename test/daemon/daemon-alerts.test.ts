import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/index.js';
import { loadConfig } from '../../src/config/index.js';
import { openGuardia, runDaemon, type Guardia } from '../../src/engine/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startTarget, type HttpTarget } from '../support/http-target.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

let target: HttpTarget;
let healthy = true;
let guardia: Guardia;
let base: string;
const stop = new AbortController();
let daemon: Promise<void>;

beforeAll(async () => {
  target = await startTarget((_req, res) => {
    res.statusCode = healthy ? 200 : 503;
    res.end();
  });
  const dir = tempDir();
  const file = writeConfig(
    dir,
    `project: alerttest
environments:
  production:
    probes:
      api: { http: "\${TARGET_URL}/healthz", every: 1s, timeout: 1s, jitter: 0s }
    alerts:
      ApiDown: { down: api, severity: critical, annotations: { summary: '{{ $labels.probe }} is down' } }
`,
  );
  const config = await loadConfig(file, { env: { TARGET_URL: target.url } });
  guardia = await openGuardia({ config, storePath: `${dir}/.guardia/guardia.db`, clock: systemClock });
  const listening = new Promise<string>((resolve) => {
    daemon = runDaemon(guardia, { listen: { host: '127.0.0.1', port: 0 }, signal: stop.signal, log: createLogger({ write: () => {}, redact: (t) => t }), onListening: resolve });
  });
  base = await listening;
});

afterAll(async () => {
  stop.abort();
  await daemon;
  await target.close();
});

describe('guardia up with alert rules', () => {
  it('fires on the probe result that saw the outage, lists it over the API, and resolves on recovery', async () => {
    healthy = false;
    const down = guardia.events.next('probe:result', (r) => r.status === 'down');
    const firing = await guardia.events.next('alert:state', (a) => a.rule === 'ApiDown' && a.state === 'firing');
    // Evaluated on the result itself, not on the next evaluation_interval tick.
    expect(firing.activeAt).toBeGreaterThanOrEqual((await down).at);
    expect(firing).toMatchObject({ env: 'production', severity: 'critical', annotations: { summary: 'api is down' } });
    const listed = (await (await fetch(`${base}/api/v1/alerts?state=firing&env=production`)).json()) as { alerts: unknown[] };
    expect(listed.alerts).toEqual([expect.objectContaining({ fingerprint: firing.fingerprint, state: 'firing' })]);
    healthy = true;
    const resolved = await guardia.events.next('alert:state', (a) => a.rule === 'ApiDown' && a.state === 'resolved');
    expect(resolved).toMatchObject({ fingerprint: firing.fingerprint, firedAt: firing.firedAt });
  });
});
