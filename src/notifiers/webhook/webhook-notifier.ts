import { createHmac } from 'node:crypto';
import type { ChannelConfig } from '../../config/index.js';
import type { NotifierDeps } from '../notifier-deps.js';
import { postJson } from '../internal/http-delivery.js';
import type { Notification, Notifier } from '../notifier.js';
import { buildWebhookPayload } from './webhook-payload.js';

/** Header carrying `sha256=<hex HMAC-SHA256 of the body>` when the channel has a `secret`. */
export const SIGNATURE_HEADER = 'X-Guardia-Signature';

/** `sha256=<hex>` of a body with a secret; receivers recompute it to trust the body. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs the Alertmanager webhook v4 JSON to a URL. */
export class WebhookNotifier implements Notifier {
  readonly kind = 'webhook';
  readonly channel: string;

  constructor(
    private readonly config: Extract<ChannelConfig, { kind: 'webhook' }>,
    private readonly deps: NotifierDeps,
  ) {
    this.channel = config.name;
  }

  async send(notification: Notification, signal: AbortSignal): Promise<void> {
    const spec = this.config.webhook;
    const body = JSON.stringify(buildWebhookPayload(notification, this.channel));
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.bearerToken !== undefined) headers.authorization = `Bearer ${spec.bearerToken}`;
    if (spec.secret !== undefined) headers[SIGNATURE_HEADER] = signBody(body, spec.secret);
    const secrets = [spec.secret, spec.bearerToken].filter((s): s is string => s !== undefined);
    await postJson({ channel: this.channel, kind: this.kind, url: spec.url, body, headers, timeoutMs: this.config.timeoutMs, signal, secrets, ...this.deps });
  }
}
