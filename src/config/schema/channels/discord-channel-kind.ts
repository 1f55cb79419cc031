import { optional } from '../internal/optional-field.js';
import { channelMapping, httpUrlField, textField } from './channel-fields.js';
import { defineChannelKind } from './channel-kind.js';
import type { DiscordChannelSpec } from '../../resolved-channel-config.js';

const schema = channelMapping(
  {
    webhook: httpUrlField('https://discord.com/api/webhooks/123/abc').describe('The webhook URL, usually `${DISCORD_WEBHOOK}`.'),
    username: optional(textField('a name')).describe('Name shown as the sender. Default: the webhook\'s name.'),
  },
  'a mapping like { webhook: "https://discord.com/api/webhooks/…" }',
).describe('Discord through a webhook: one embed per alert, coloured by severity.');

/** `discord:` channels. */
export const discordChannelKind = defineChannelKind({
  key: 'discord',
  schema,
  resolve(input) {
    const discord: DiscordChannelSpec = { webhook: input.webhook };
    if (input.username !== undefined) discord.username = input.username;
    return { part: { kind: 'discord', discord }, secrets: [input.webhook] };
  },
});
