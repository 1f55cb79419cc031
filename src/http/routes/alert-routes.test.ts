import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import { loadConfig } from '../../config/index.js';
import { openGuardia, type Guardia } from '../../engine/index.js';
import { createApp } from '../create-app.js';

const T0 = Date.UTC(2026, 0, 1);
let guardia: Guardia | undefined;
let dir: string | undefined;

afterEach(async () => {
  await guardia?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  guardia = undefined;
});

/** guardia over a fresh store with the watchdog evaluated once (firing) and one rule never true. */
async function open() {
  dir = mkdtempSync(join(tmpdir(), 'guardia-alert-api-'));
  const file = join(dir, 'guardia.yaml');
  writeFileSync(file, "project: demo\nenvironments:\n  production:\n    alerts:\n      Never: { expr: 'vector(1) == 2', severity: warning }\n");
  const config = await loadConfig(file, { env: {} });
  guardia = await openGuardia({ config, storePath: join(dir, 'guardia.db'), clock: new FakeClock(T0) });
  await guardia.alerts.start();
  await guardia.alerts.evaluateAll();
  await guardia.alerts.stop();
  return createApp(guardia.services, { loopback: true });
}

describe('GET /api/v1/alerts', () => {
  it('lists alert states, filtered by state and env', async () => {
    const app = await open();
    const all = await app.request('/api/v1/alerts');
    expect(all.status).toBe(200);
    expect(await all.json()).toEqual({
      alerts: [expect.objectContaining({ rule: 'Watchdog', state: 'firing', severity: 'low', activeAt: T0, firedAt: T0 })],
    });
    expect(await (await app.request('/api/v1/alerts?state=pending')).json()).toEqual({ alerts: [] });
    expect(await (await app.request('/api/v1/alerts?env=production')).json()).toEqual({ alerts: [] });
  });

  it('refuses an unknown state with 400', async () => {
    const app = await open();
    const bad = await app.request('/api/v1/alerts?state=burning');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: 'usage', message: 'unknown state "burning": use pending, firing, resolved' });
  });
});
