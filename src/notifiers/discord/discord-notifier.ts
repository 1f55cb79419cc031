import type { ChannelConfig } from '../../config/index.js';
import { postJson } from '../internal/http-delivery.js';
import type { NotifierDeps } from '../notifier-deps.js';
import type { Notification, Notifier } from '../notifier.js';
import { buildDiscordPayload } from './discord-payload.js';

/** Posts embeds to a Discord webhook. */
export class DiscordNotifier implements Notifier {
  readonly kind = 'discord';
  readonly channel: string;

  constructor(
    private readonly config: Extract<ChannelConfig, { kind: 'discord' }>,
    private readonly deps: NotifierDeps,
  ) {
    this.channel = config.name;
  }

  async send(notification: Notification, signal: AbortSignal): Promise<void> {
    const spec = this.config.discord;
    const body = JSON.stringify(buildDiscordPayload(notification, spec));
    await postJson({ channel: this.channel, kind: this.kind, url: spec.webhook, body, timeoutMs: this.config.timeoutMs, signal, secrets: [spec.webhook], ...this.deps });
  }
}
