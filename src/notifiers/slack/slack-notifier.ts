import type { ChannelConfig } from '../../config/index.js';
import { postJson } from '../internal/http-delivery.js';
import type { NotifierDeps } from '../notifier-deps.js';
import type { Notification, Notifier } from '../notifier.js';
import { buildSlackPayload } from './slack-payload.js';

/** Posts Block Kit messages to a Slack incoming webhook. */
export class SlackNotifier implements Notifier {
  readonly kind = 'slack';
  readonly channel: string;

  constructor(
    private readonly config: Extract<ChannelConfig, { kind: 'slack' }>,
    private readonly deps: NotifierDeps,
  ) {
    this.channel = config.name;
  }

  async send(notification: Notification, signal: AbortSignal): Promise<void> {
    const spec = this.config.slack;
    const body = JSON.stringify(buildSlackPayload(notification, spec));
    await postJson({ channel: this.channel, kind: this.kind, url: spec.webhook, body, timeoutMs: this.config.timeoutMs, signal, secrets: [spec.webhook], ...this.deps });
  }
}
