import type { ChannelConfig } from '../../config/index.js';
import { postJson } from '../internal/http-delivery.js';
import type { NotifierDeps } from '../notifier-deps.js';
import type { Notification, Notifier } from '../notifier.js';
import { buildNtfyMessage } from './ntfy-message.js';

/** Publishes to an ntfy topic. */
export class NtfyNotifier implements Notifier {
  readonly kind = 'ntfy';
  readonly channel: string;

  constructor(
    private readonly config: Extract<ChannelConfig, { kind: 'ntfy' }>,
    private readonly deps: NotifierDeps,
  ) {
    this.channel = config.name;
  }

  async send(notification: Notification, signal: AbortSignal): Promise<void> {
    const spec = this.config.ntfy;
    const headers: Record<string, string> = spec.token === undefined ? {} : { authorization: `Bearer ${spec.token}` };
    const body = JSON.stringify(buildNtfyMessage(notification, spec));
    const url = `${spec.url.replace(/\/+$/, '')}/`;
    const secrets = spec.token === undefined ? [] : [spec.token];
    await postJson({ channel: this.channel, kind: this.kind, url, body, headers, timeoutMs: this.config.timeoutMs, signal, secrets, ...this.deps });
  }
}
