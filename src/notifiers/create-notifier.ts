import type { Clock } from '../clock/index.js';
import type { ChannelConfig } from '../config/index.js';
import { DiscordNotifier } from './discord/discord-notifier.js';
import { EmailNotifier } from './email/email-notifier.js';
import type { NotifierDeps } from './notifier-deps.js';
import type { Notifier } from './notifier.js';
import { NtfyNotifier } from './ntfy/ntfy-notifier.js';
import { PagerdutyNotifier } from './pagerduty/pagerduty-notifier.js';
import { SlackNotifier } from './slack/slack-notifier.js';
import { TeamsNotifier } from './teams/teams-notifier.js';
import { TelegramNotifier } from './telegram/telegram-notifier.js';
import { WebhookNotifier } from './webhook/webhook-notifier.js';

/**
 * The notifier for one configured channel. `fetch` defaults to the global one; tests pass
 * their own only to observe, the receivers themselves are real servers on loopback.
 */
export function createNotifier(channelName: string, config: ChannelConfig, deps: { fetch?: typeof fetch; clock: Clock }): Notifier {
  const resolved: NotifierDeps = { fetch: deps.fetch ?? ((input, init) => fetch(input, init)), clock: deps.clock };
  const named = { ...config, name: channelName } as ChannelConfig;
  switch (named.kind) {
    case 'webhook':
      return new WebhookNotifier(named, resolved);
    case 'slack':
      return new SlackNotifier(named, resolved);
    case 'discord':
      return new DiscordNotifier(named, resolved);
    case 'teams':
      return new TeamsNotifier(named, resolved);
    case 'email':
      return new EmailNotifier(named, resolved);
    case 'telegram':
      return new TelegramNotifier(named, resolved);
    case 'ntfy':
      return new NtfyNotifier(named, resolved);
    case 'pagerduty':
      return new PagerdutyNotifier(named, resolved);
  }
}
