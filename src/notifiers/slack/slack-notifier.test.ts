import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import type { NotifyError } from '../../errors.js';
import { createNotifier } from '../create-notifier.js';
import { sampleNotification, startReceiver, type Receiver } from '../internal/notifier-test-kit.js';

let target: Receiver | undefined;
afterEach(async () => target?.close());

describe('slack notifier', () => {
  it('posts Block Kit blocks with fallback text and a severity colour to the webhook', async () => {
    target = await startReceiver();
    const webhook = `${target.url}/services/T000/B000/XXXX`;
    const notifier = createNotifier('ops', { name: 'ops', kind: 'slack', timeoutMs: 5_000, slack: { webhook, channel: '#ops' } }, { clock: new FakeClock() });
    await notifier.send(sampleNotification(), new AbortController().signal);
    const request = target.requests[0];
    expect(request?.path).toBe('/services/T000/B000/XXXX');
    const body = JSON.parse(request?.body ?? '') as { text: string; channel: string; attachments: { color: string; blocks: { type: string; text?: { text: string } }[] }[] };
    expect(body.text).toBe('[FIRING:2] HighErrorRate production');
    expect(body.channel).toBe('#ops');
    const attachment = body.attachments[0];
    expect(attachment?.color).toBe('#d00000');
    expect(attachment?.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    const first = attachment?.blocks[1]?.text?.text ?? '';
    expect(first).toContain('*Errors on /api/orders &gt; 5% &lt;b&gt;*');
    expect(first).toContain('<https://runbooks.example.com/high-error-rate|Runbook>');
    expect(attachment?.blocks[2]?.text?.text).toContain('Runbook: runbooks/high-error-rate.md');
  });

  it('links the incident and its one-click acknowledge when the alert has them', async () => {
    target = await startReceiver();
    const notifier = createNotifier('ops', { name: 'ops', kind: 'slack', timeoutMs: 5_000, slack: { webhook: `${target.url}/hook` } }, { clock: new FakeClock() });
    const links = { ack_url: 'http://127.0.0.1:4680/ack/inc-1/ab12', incident_url: 'http://127.0.0.1:4680/api/v1/incidents/inc-1' };
    const alerts = sampleNotification().alerts.map((a) => ({ ...a, annotations: { ...a.annotations, ...links } }));
    await notifier.send(sampleNotification({ alerts }), new AbortController().signal);
    const body = JSON.parse(target.requests[0]?.body ?? '') as { attachments: { blocks: { text?: { text: string } }[] }[] };
    expect(body.attachments[0]?.blocks[1]?.text?.text).toContain('<http://127.0.0.1:4680/ack/inc-1/ab12|Acknowledge> · <http://127.0.0.1:4680/api/v1/incidents/inc-1|Incident>');
  });

  it('colours a resolve green and never names the webhook URL in errors', async () => {
    target = await startReceiver(() => ({ status: 404, body: 'no_service' }));
    const webhook = `${target.url}/services/T000/B000/SECRETPART`;
    const notifier = createNotifier('ops', { name: 'ops', kind: 'slack', timeoutMs: 5_000, slack: { webhook } }, { clock: new FakeClock() });
    const error = (await notifier.send(sampleNotification({ status: 'resolved' }), new AbortController().signal).catch((e: unknown) => e)) as NotifyError;
    expect(JSON.parse(target.requests[0]?.body ?? '').attachments[0].color).toBe('#2eb67d');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('channel "ops" (slack): the receiver answered HTTP 404: no_service');
  });
});
