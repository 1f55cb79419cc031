import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import { createNotifier } from '../create-notifier.js';
import { sampleNotification, startReceiver, type Receiver } from '../internal/notifier-test-kit.js';

let target: Receiver | undefined;
afterEach(async () => target?.close());

describe('discord notifier', () => {
  it('posts one embed per alert with the title as content', async () => {
    target = await startReceiver(() => ({ status: 204 }));
    const webhook = `${target.url}/api/webhooks/123/abc`;
    const notifier = createNotifier('chat', { name: 'chat', kind: 'discord', timeoutMs: 5_000, discord: { webhook, username: 'guardia' } }, { clock: new FakeClock() });
    await notifier.send(sampleNotification(), new AbortController().signal);
    const request = target.requests[0];
    expect(request?.path).toBe('/api/webhooks/123/abc');
    const body = JSON.parse(request?.body ?? '') as { content: string; username: string; embeds: { title: string; color: number; url?: string; timestamp: string }[] };
    expect(body.content).toBe('**[FIRING:2] HighErrorRate production**');
    expect(body.username).toBe('guardia');
    expect(body.embeds).toHaveLength(2);
    expect(body.embeds[0]).toMatchObject({ title: '🚨 Errors on /api/orders > 5% <b>', color: 0xd00000, url: 'https://runbooks.example.com/high-error-rate', timestamp: '2026-01-01T12:00:00.000Z' });
    expect(body.embeds[1]?.url).toBeUndefined();
  });
});
