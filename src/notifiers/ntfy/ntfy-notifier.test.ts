import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import { createNotifier } from '../create-notifier.js';
import { sampleNotification, startReceiver, type Receiver } from '../internal/notifier-test-kit.js';

let target: Receiver | undefined;
afterEach(async () => target?.close());

describe('ntfy notifier', () => {
  it('publishes JSON to the server root with priority from severity and the token', async () => {
    target = await startReceiver(() => ({ status: 200, body: '{"id":"x"}' }));
    const notifier = createNotifier('push', { name: 'push', kind: 'ntfy', timeoutMs: 5_000, ntfy: { url: target.url, topic: 'myapp-alerts', token: 'tk_abc' } }, { clock: new FakeClock() });
    await notifier.send(sampleNotification(), new AbortController().signal);
    await notifier.send(sampleNotification({ status: 'resolved' }), new AbortController().signal);
    const [firing, resolved] = target.requests;
    expect(firing?.path).toBe('/');
    expect(firing?.headers.authorization).toBe('Bearer tk_abc');
    expect(JSON.parse(firing?.body ?? '')).toMatchObject({ topic: 'myapp-alerts', title: '[FIRING:2] HighErrorRate production', priority: 5, click: 'http://127.0.0.1:4680' });
    expect(JSON.parse(firing?.body ?? '').message).toBe('• Errors on /api/orders > 5% <b>\n• Errors on /api/users > 5%');
    expect(JSON.parse(resolved?.body ?? '')).toMatchObject({ title: '[RESOLVED] HighErrorRate production', priority: 2 });
  });
});
