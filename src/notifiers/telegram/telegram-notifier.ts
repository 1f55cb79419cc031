import type { ChannelConfig } from '../../config/index.js';
import { postJson } from '../internal/http-delivery.js';
import type { NotifierDeps } from '../notifier-deps.js';
import type { Notification, Notifier } from '../notifier.js';
import { buildTelegramText } from './telegram-message.js';

/** Sends a message to a chat with the Bot API's `sendMessage`. */
export class TelegramNotifier implements Notifier {
  readonly kind = 'telegram';
  readonly channel: string;

  constructor(
    private readonly config: Extract<ChannelConfig, { kind: 'telegram' }>,
    private readonly deps: NotifierDeps,
  ) {
    this.channel = config.name;
  }

  async send(notification: Notification, signal: AbortSignal): Promise<void> {
    const spec = this.config.telegram;
    const url = `${spec.apiUrl.replace(/\/+$/, '')}/bot${spec.botToken}/sendMessage`;
    const body = JSON.stringify({ chat_id: spec.chatId, text: buildTelegramText(notification), parse_mode: 'HTML', disable_web_page_preview: true });
    await postJson({ channel: this.channel, kind: this.kind, url, body, timeoutMs: this.config.timeoutMs, signal, secrets: [spec.botToken], ...this.deps });
  }
}
