import type { AnyChannelKind } from './channel-kind.js';
import { discordChannelKind } from './discord-channel-kind.js';
import { emailChannelKind } from './email-channel-kind.js';
import { ntfyChannelKind } from './ntfy-channel-kind.js';
import { pagerdutyChannelKind } from './pagerduty-channel-kind.js';
import { slackChannelKind } from './slack-channel-kind.js';
import { teamsChannelKind } from './teams-channel-kind.js';
import { telegramChannelKind } from './telegram-channel-kind.js';
import { webhookChannelKind } from './webhook-channel-kind.js';

/** Every channel kind the config accepts; the order is the order of the schema's options. */
export const channelKinds: readonly AnyChannelKind[] = [
  webhookChannelKind,
  slackChannelKind,
  discordChannelKind,
  teamsChannelKind,
  emailChannelKind,
  telegramChannelKind,
  ntfyChannelKind,
  pagerdutyChannelKind,
];
