import type { ChannelConfig } from '../../config/index.js';
import { postJson } from '../internal/http-delivery.js';
import type { NotifierDeps } from '../notifier-deps.js';
import type { Notification, Notifier } from '../notifier.js';
import { buildPagerdutyEvent } from './pagerduty-event.js';

/** Triggers and resolves PagerDuty incidents through the Events API v2. */
export class PagerdutyNotifier implements Notifier {
  readonly kind = 'pagerduty';
  readonly channel: string;

  constructor(
    private readonly config: Extract<ChannelConfig, { kind: 'pagerduty' }>,
    private readonly deps: NotifierDeps,
  ) {
    this.channel = config.name;
  }

  async send(notification: Notification, signal: AbortSignal): Promise<void> {
    const spec = this.config.pagerduty;
    const url = `${spec.apiUrl.replace(/\/+$/, '')}/v2/enqueue`;
    const body = JSON.stringify(buildPagerdutyEvent(notification, spec.routingKey));
    await postJson({ channel: this.channel, kind: this.kind, url, body, timeoutMs: this.config.timeoutMs, signal, secrets: [spec.routingKey], ...this.deps });
  }
}
