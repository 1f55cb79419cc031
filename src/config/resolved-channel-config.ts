/** Settings every channel kind shares. */
export interface ChannelCommon {
  /** Name under `channels:`; routes refer to it. */
  name: string;
  /** A delivery that takes longer is abandoned (and retried). */
  timeoutMs: number;
}

/** A generic webhook receiving the Alertmanager webhook v4 JSON. */
export interface WebhookChannelSpec {
  url: string;
  /** Signs the body: `X-Guardia-Signature: sha256=<hex HMAC-SHA256>`. */
  secret?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  bearerToken?: string;
  headers: Record<string, string>;
}

/** A Slack incoming webhook. */
export interface SlackChannelSpec {
  webhook: string;
  /** Overrides the webhook's default channel (legacy webhooks only). */
  channel?: string;
  username?: string;
}

/** A Discord webhook. */
export interface DiscordChannelSpec {
  webhook: string;
  username?: string;
}

/** A Microsoft Teams incoming webhook or Workflows trigger URL. */
export interface TeamsChannelSpec {
  webhook: string;
}

/** E-mail through an SMTP server. */
export interface EmailChannelSpec {
  /** `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  smtp: string;
  from: string;
  to: string[];
  /** Refuse to send unless the server upgrades to TLS with STARTTLS. */
  starttls: boolean;
  /** Accept an invalid or self-signed server certificate. */
  insecureSkipVerify: boolean;
}

/** A Telegram chat through the Bot API. */
export interface TelegramChannelSpec {
  botToken: string;
  chatId: string;
  apiUrl: string;
}

/** An ntfy topic. */
export interface NtfyChannelSpec {
  url: string;
  topic: string;
  /** Access token, sent as `Authorization: Bearer <token>`. */
  token?: string;
}

/** A PagerDuty service through the Events API v2. */
export interface PagerdutyChannelSpec {
  routingKey: string;
  apiUrl: string;
}

/** One entry of `channels:`, resolved. */
export type ChannelConfig =
  | (ChannelCommon & { kind: 'webhook'; webhook: WebhookChannelSpec })
  | (ChannelCommon & { kind: 'slack'; slack: SlackChannelSpec })
  | (ChannelCommon & { kind: 'discord'; discord: DiscordChannelSpec })
  | (ChannelCommon & { kind: 'teams'; teams: TeamsChannelSpec })
  | (ChannelCommon & { kind: 'email'; email: EmailChannelSpec })
  | (ChannelCommon & { kind: 'telegram'; telegram: TelegramChannelSpec })
  | (ChannelCommon & { kind: 'ntfy'; ntfy: NtfyChannelSpec })
  | (ChannelCommon & { kind: 'pagerduty'; pagerduty: PagerdutyChannelSpec });

export type ChannelKind = ChannelConfig['kind'];
