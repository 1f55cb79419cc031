import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startTarget, type HttpTarget } from '../support/http-target.js';
import { cli, type CliRun } from '../support/run-cli-capture.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const WAIT = { timeout: 8_000, interval: 50 };
/** Long enough for a few probe runs (every 1 s) to have happened. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));

describe('guardia up with probe depends_on', () => {
  const healthy = { database: true, api: true };
  let targets: HttpTarget[] = [];
  let hook: WebhookReceiver;
  const controller = new AbortController();
  let running: Promise<CliRun>;
  const sent = () => hook.received.map((b) => `${b.status}:${b.alerts.map((a) => a.labels.alertname).join('+')}`);

  beforeAll(async () => {
    const database = await startTarget((_req, res) => res.writeHead(healthy.database ? 200 : 503).end());
    const api = await startTarget((_req, res) => res.writeHead(healthy.api ? 200 : 503).end());
    targets = [database, api];
    hook = await startWebhookReceiver();
    const dir = tempDir();
    writeConfig(
      dir,
      `project: deps
environments:
  production:
    probes:
      database: { http: "${database.url}/", every: 1s, timeout: 500ms, jitter: 0s }
      api: { http: "${api.url}/", every: 1s, timeout: 500ms, jitter: 0s, depends_on: [database] }
    alerts:
      DatabaseDown: { down: database, severity: critical }
      ApiDown: { down: api, severity: critical }
channels:
  hook: { webhook: { url: "${hook.url}/alerts" } }
notify: [hook]
`,
    );
    const argv = ['up', '--listen', `127.0.0.1:${await freePort()}`, '--data-dir', join(dir, 'state')];
    running = cli(argv, { cwd: dir, signal: controller.signal });
    await settle();
  });

  afterAll(async () => {
    controller.abort();
    await running;
    for (const target of targets) await target.close();
    await hook.close();
  });

  it('pages for the database only, not for the api that needs it', async () => {
    healthy.database = false;
    await vi.waitFor(() => expect(sent()).toEqual(['firing:DatabaseDown']), WAIT);
    healthy.api = false;
    await settle();
    healthy.api = true;
    await settle();
    healthy.database = true;
    await vi.waitFor(() => expect(sent()).toEqual(['firing:DatabaseDown', 'resolved:DatabaseDown']), WAIT);
  }, 30_000);

  it('pages for the api on its own, and delivers its resolve even while the database is down', async () => {
    healthy.api = false;
    await vi.waitFor(() => expect(sent().slice(2)).toEqual(['firing:ApiDown']), WAIT);
    healthy.database = false;
    await vi.waitFor(() => expect(sent().slice(2)).toEqual(['firing:ApiDown', 'firing:DatabaseDown']), WAIT);
    healthy.api = true;
    await vi.waitFor(() => expect(sent().slice(2)).toEqual(['firing:ApiDown', 'firing:DatabaseDown', 'resolved:ApiDown']), WAIT);
    healthy.database = true;
    await vi.waitFor(() => expect(sent().slice(2)).toEqual(['firing:ApiDown', 'firing:DatabaseDown', 'resolved:ApiDown', 'resolved:DatabaseDown']), WAIT);
  }, 40_000);
});
