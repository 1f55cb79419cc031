import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import type { NotifyError } from '../../errors.js';
import { createNotifier } from '../create-notifier.js';
import { sampleNotification, startReceiver, type Receiver } from '../internal/notifier-test-kit.js';

let target: Receiver | undefined;
afterEach(async () => target?.close());

const TOKEN = '123456:ABC-secret';

describe('telegram notifier', () => {
  it('calls sendMessage with escaped HTML', async () => {
    target = await startReceiver(() => ({ status: 200, body: '{"ok":true,"result":{}}' }));
    const notifier = createNotifier('tg', { name: 'tg', kind: 'telegram', timeoutMs: 5_000, telegram: { botToken: TOKEN, chatId: '-100123', apiUrl: `${target.url}/` } }, { clock: new FakeClock() });
    await notifier.send(sampleNotification(), new AbortController().signal);
    const request = target.requests[0];
    expect(request?.path).toBe(`/bot${TOKEN}/sendMessage`);
    const body = JSON.parse(request?.body ?? '') as { chat_id: string; text: string; parse_mode: string };
    expect(body.chat_id).toBe('-100123');
    expect(body.parse_mode).toBe('HTML');
    expect(body.text).toContain('<b>[FIRING:2] HighErrorRate production</b>');
    expect(body.text).toContain('<b>Errors on /api/orders &gt; 5% &lt;b&gt;</b>');
    expect(body.text).toContain('<a href="https://runbooks.example.com/high-error-rate">Runbook</a>');
  });

  it('keeps the bot token out of error messages', async () => {
    target = await startReceiver((request) => ({ status: 400, body: `{"ok":false,"description":"Bad Request: chat not found at ${request.path}"}` }));
    const notifier = createNotifier('tg', { name: 'tg', kind: 'telegram', timeoutMs: 5_000, telegram: { botToken: TOKEN, chatId: '1', apiUrl: target.url } }, { clock: new FakeClock() });
    const error = (await notifier.send(sampleNotification(), new AbortController().signal).catch((e: unknown) => e)) as NotifyError;
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('chat not found');
  });
});
