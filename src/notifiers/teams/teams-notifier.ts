import type { ChannelConfig } from '../../config/index.js';
import { postJson } from '../internal/http-delivery.js';
import type { NotifierDeps } from '../notifier-deps.js';
import type { Notification, Notifier } from '../notifier.js';
import { buildTeamsPayload } from './teams-payload.js';

/** Posts an Adaptive Card to a Teams incoming webhook or Workflows trigger. */
export class TeamsNotifier implements Notifier {
  readonly kind = 'teams';
  readonly channel: string;

  constructor(
    private readonly config: Extract<ChannelConfig, { kind: 'teams' }>,
    private readonly deps: NotifierDeps,
  ) {
    this.channel = config.name;
  }

  async send(notification: Notification, signal: AbortSignal): Promise<void> {
    const spec = this.config.teams;
    const body = JSON.stringify(buildTeamsPayload(notification));
    await postJson({ channel: this.channel, kind: this.kind, url: spec.webhook, body, timeoutMs: this.config.timeoutMs, signal, secrets: [spec.webhook], ...this.deps });
  }
}
