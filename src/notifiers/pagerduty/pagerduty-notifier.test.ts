import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import { createNotifier } from '../create-notifier.js';
import { sampleNotification, startReceiver, type Receiver } from '../internal/notifier-test-kit.js';
import { pagerdutyDedupKey } from './pagerduty-event.js';

let target: Receiver | undefined;
afterEach(async () => target?.close());

describe('pagerduty notifier', () => {
  it('triggers, then resolves, the incident of the alert group', async () => {
    target = await startReceiver(() => ({ status: 202, body: '{"status":"success","message":"Event processed","dedup_key":"x"}' }));
    const notifier = createNotifier('pd', { name: 'pd', kind: 'pagerduty', timeoutMs: 5_000, pagerduty: { routingKey: 'R0UTINGKEY', apiUrl: target.url } }, { clock: new FakeClock() });
    await notifier.send(sampleNotification(), new AbortController().signal);
    await notifier.send(sampleNotification({ status: 'resolved' }), new AbortController().signal);
    const [trigger, resolve] = target.requests;
    expect(trigger?.path).toBe('/v2/enqueue');
    const dedupKey = pagerdutyDedupKey('{}:{alertname="HighErrorRate"}');
    expect(JSON.parse(trigger?.body ?? '')).toMatchObject({
      routing_key: 'R0UTINGKEY',
      event_action: 'trigger',
      dedup_key: dedupKey,
      payload: { summary: '[FIRING:2] HighErrorRate production — Errors on /api/orders > 5% <b>', source: 'production', severity: 'critical', timestamp: '2026-01-01T12:00:00.000Z', class: 'HighErrorRate' },
      links: [{ href: 'https://runbooks.example.com/high-error-rate', text: 'Runbook' }],
    });
    expect(JSON.parse(resolve?.body ?? '')).toEqual({ routing_key: 'R0UTINGKEY', event_action: 'resolve', dedup_key: dedupKey });
  });

  it('maps guardia severities to PagerDuty severities', async () => {
    target = await startReceiver(() => ({ status: 202 }));
    const notifier = createNotifier('pd', { name: 'pd', kind: 'pagerduty', timeoutMs: 5_000, pagerduty: { routingKey: 'k', apiUrl: target.url } }, { clock: new FakeClock() });
    for (const severity of ['high', 'medium', 'low']) {
      const notification = sampleNotification();
      notification.alerts = notification.alerts.map((a) => ({ ...a, labels: { ...a.labels, severity } }));
      await notifier.send(notification, new AbortController().signal);
    }
    expect(target.requests.map((r) => (JSON.parse(r.body) as { payload: { severity: string } }).payload.severity)).toEqual(['error', 'warning', 'info']);
  });
});
