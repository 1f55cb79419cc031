import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startTarget, type HttpTarget } from '../support/http-target.js';
import { cli, type CliRun } from '../support/run-cli-capture.js';
import { tempDir } from '../support/temp-dir.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const example = fileURLToPath(new URL('../../examples/alerting-local/guardia.yaml', import.meta.url));
/** Two probe periods of the example (2 s) plus slack for a busy machine. */
const NOTIFIED_WITHIN_MS = 8_000;

describe('examples/alerting-local under guardia up', () => {
  let healthy = true;
  let target: HttpTarget;
  let hook: WebhookReceiver;
  const controller = new AbortController();
  let running: Promise<CliRun>;

  beforeAll(async () => {
    target = await startTarget((_req, res) => res.writeHead(healthy ? 200 : 503).end());
    hook = await startWebhookReceiver();
    const env = { TARGET_URL: `${target.url}/health`, WEBHOOK_URL: `${hook.url}/alerts` };
    const argv = ['up', '-c', example, '--data-dir', join(tempDir(), 'state'), '--listen', `127.0.0.1:${await freePort()}`];
    running = cli(argv, { cwd: tempDir(), env, signal: controller.signal });
  });

  afterAll(async () => {
    controller.abort();
    const result = await running;
    await target.close();
    await hook.close();
    expect(result.stderr).not.toMatch(/"level":(50|60)/);
  });

  it('sends nothing while the target is up', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(hook.received).toEqual([]);
  });

  it('sends an Alertmanager v4 firing body when the target goes down', async () => {
    healthy = false;
    await vi.waitFor(() => expect(hook.statuses()).toEqual(['firing']), { timeout: NOTIFIED_WITHIN_MS, interval: 50 });
    const body = hook.received[0];
    expect(body).toMatchObject({ version: '4', status: 'firing', receiver: 'local-webhook' });
    expect(body?.alerts).toHaveLength(1);
    expect(body?.alerts[0]).toMatchObject({
      status: 'firing',
      labels: { alertname: 'TargetDown', env: 'local', probe: 'target', severity: 'critical' },
      annotations: { summary: 'target is down' },
      endsAt: '0001-01-01T00:00:00Z',
    });
    expect(body?.alerts[0]?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(body?.alerts[0]?.startsAt ?? '')).not.toBeNaN();
  });

  it('sends the resolve when the target is back', async () => {
    healthy = true;
    await vi.waitFor(() => expect(hook.statuses()).toEqual(['firing', 'resolved']), { timeout: NOTIFIED_WITHIN_MS, interval: 50 });
    const alert = hook.received[1]?.alerts[0];
    expect(alert?.status).toBe('resolved');
    expect(alert?.fingerprint).toBe(hook.received[0]?.alerts[0]?.fingerprint);
    expect(Date.parse(alert?.endsAt ?? '')).toBeGreaterThanOrEqual(Date.parse(alert?.startsAt ?? ''));
  });

  it('notifies a second outage right after at once, not after group_interval', async () => {
    healthy = false;
    await vi.waitFor(() => expect(hook.statuses()).toEqual(['firing', 'resolved', 'firing']), { timeout: NOTIFIED_WITHIN_MS, interval: 50 });
    healthy = true;
    await vi.waitFor(() => expect(hook.statuses()).toEqual(['firing', 'resolved', 'firing', 'resolved']), { timeout: NOTIFIED_WITHIN_MS, interval: 50 });
  });
});
