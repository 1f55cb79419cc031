import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import { createNotifier } from '../create-notifier.js';
import { sampleNotification, startReceiver, type Receiver } from '../internal/notifier-test-kit.js';

let target: Receiver | undefined;
afterEach(async () => target?.close());

describe('teams notifier', () => {
  it('posts a message with one Adaptive Card attachment', async () => {
    target = await startReceiver(() => ({ status: 202 }));
    const webhook = `${target.url}/workflows/abc/triggers/manual/paths/invoke`;
    const notifier = createNotifier('teams', { name: 'teams', kind: 'teams', timeoutMs: 5_000, teams: { webhook } }, { clock: new FakeClock() });
    await notifier.send(sampleNotification(), new AbortController().signal);
    const body = JSON.parse(target.requests[0]?.body ?? '') as {
      type: string;
      attachments: { contentType: string; content: { type: string; version: string; body: { text: string }[]; actions: { url: string }[] } }[];
    };
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const card = body.attachments[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.content.type).toBe('AdaptiveCard');
    expect(card?.content.body[0]?.text).toBe('[FIRING:2] HighErrorRate production');
    expect(card?.content.actions.map((a) => a.url)).toEqual(['http://127.0.0.1:4680', 'https://runbooks.example.com/high-error-rate']);
  });
});
