import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import type { ChannelConfig } from '../../config/index.js';
import { NotifyError } from '../../errors.js';
import { createNotifier } from '../create-notifier.js';
import { refusedUrl, sampleNotification, startReceiver, type Receiver } from '../internal/notifier-test-kit.js';

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}

function webhookChannel(url: string, extra: Partial<Extract<ChannelConfig, { kind: 'webhook' }>['webhook']> = {}): ChannelConfig {
  return { name: 'hook', kind: 'webhook', timeoutMs: 5_000, webhook: { url, headers: {}, ...extra } };
}

async function sendError(promise: Promise<void>): Promise<NotifyError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(NotifyError);
  return error as NotifyError;
}

describe('webhook notifier', () => {
  it('POSTs the Alertmanager webhook v4 JSON', async () => {
    const target = await receiver();
    const notifier = createNotifier('hook', webhookChannel(`${target.url}/alerts`), { clock: new FakeClock() });
    const resolved = sampleNotification({ status: 'resolved' });
    resolved.alerts = resolved.alerts.map((a) => ({ ...a, status: 'resolved' as const, endsAt: Date.UTC(2026, 0, 1, 12, 5, 0) }));
    await notifier.send(sampleNotification(), new AbortController().signal);
    await notifier.send(resolved, new AbortController().signal);

    const [firing, resolve] = target.requests;
    expect(firing?.method).toBe('POST');
    expect(firing?.path).toBe('/alerts');
    expect(firing?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(firing?.body ?? '')).toEqual({
      version: '4',
      groupKey: '{}:{alertname="HighErrorRate"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'hook',
      groupLabels: { alertname: 'HighErrorRate', env: 'production' },
      commonLabels: { alertname: 'HighErrorRate', env: 'production', severity: 'critical' },
      commonAnnotations: {},
      externalURL: 'http://127.0.0.1:4680',
      alerts: [
        expect.objectContaining({ status: 'firing', startsAt: '2026-01-01T12:00:00.000Z', endsAt: '0001-01-01T00:00:00Z', fingerprint: 'aaaaaaaaaaaaaaaa', generatorURL: 'http://127.0.0.1:4680/alerts/HighErrorRate' }),
        expect.objectContaining({ status: 'firing', labels: expect.objectContaining({ route: '/api/users' }) }),
      ],
    });
    const body = JSON.parse(resolve?.body ?? '') as { status: string; alerts: { endsAt: string }[] };
    expect(body.status).toBe('resolved');
    expect(body.alerts[0]?.endsAt).toBe('2026-01-01T12:05:00.000Z');
    expect(firing?.headers['x-guardia-signature']).toBeUndefined();
  });

  it('signs the body with HMAC-SHA256 and sends the bearer token and extra headers', async () => {
    const target = await receiver();
    const channel = webhookChannel(target.url, { secret: 's3cret-key', bearerToken: 'tok-123', headers: { 'X-Team': 'ops' } });
    await createNotifier('hook', channel, { clock: new FakeClock() }).send(sampleNotification(), new AbortController().signal);
    const request = target.requests[0];
    const expected = `sha256=${createHmac('sha256', 's3cret-key').update(request?.body ?? '').digest('hex')}`;
    expect(request?.headers['x-guardia-signature']).toBe(expected);
    expect(request?.headers.authorization).toBe('Bearer tok-123');
    expect(request?.headers['x-team']).toBe('ops');
  });

  it('marks 4xx refusals as not retryable and names the channel and the status', async () => {
    const target = await receiver(() => ({ status: 400, body: 'bad payload for tok-123' }));
    const channel = webhookChannel(target.url, { bearerToken: 'tok-123' });
    const error = await sendError(createNotifier('hook', channel, { clock: new FakeClock() }).send(sampleNotification(), new AbortController().signal));
    expect(error.retryable).toBe(false);
    expect(error.code).toBe('notify_failed');
    expect(error.message).toBe('channel "hook" (webhook): the receiver answered HTTP 400: bad payload for ***');
  });

  it.each([408, 429, 500, 503])('marks HTTP %i as retryable', async (status) => {
    const target = await receiver(() => ({ status }));
    const error = await sendError(createNotifier('hook', webhookChannel(target.url), { clock: new FakeClock() }).send(sampleNotification(), new AbortController().signal));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('marks a refused connection as retryable without naming the URL', async () => {
    const url = await refusedUrl();
    const error = await sendError(createNotifier('hook', webhookChannel(`${url}/secret-path`), { clock: new FakeClock() }).send(sampleNotification(), new AbortController().signal));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('channel "hook" (webhook): cannot reach the receiver (ECONNREFUSED)');
  });

  it('gives up after the timeout on the injected clock', async () => {
    const target = await receiver(() => 'hang');
    const clock = new FakeClock();
    const sending = createNotifier('hook', webhookChannel(target.url), { clock }).send(sampleNotification(), new AbortController().signal);
    const outcome = sendError(sending);
    await target.nextRequest();
    await clock.advance(5_000);
    const error = await outcome;
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('channel "hook" (webhook): no answer within 5000 ms');
  });

  it('stops when the caller aborts', async () => {
    const target = await receiver(() => 'hang');
    const controller = new AbortController();
    const outcome = sendError(createNotifier('hook', webhookChannel(target.url), { clock: new FakeClock() }).send(sampleNotification(), controller.signal));
    await target.nextRequest();
    controller.abort();
    expect((await outcome).message).toBe('channel "hook" (webhook): delivery cancelled');
  });
});
