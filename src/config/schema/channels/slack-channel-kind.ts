import { optional } from '../internal/optional-field.js';
import { channelMapping, httpUrlField, textField } from './channel-fields.js';
import { defineChannelKind } from './channel-kind.js';
import type { SlackChannelSpec } from '../../resolved-channel-config.js';

const schema = channelMapping(
  {
    webhook: httpUrlField('https://hooks.slack.com/services/T000/B000/XXXX').describe('The incoming webhook URL, usually `${SLACK_WEBHOOK}`.'),
    channel: optional(textField('a channel like "#ops"')).describe("Post to this channel instead of the webhook's own (legacy webhooks only)."),
    username: optional(textField('a name')).describe('Name shown as the sender (legacy webhooks only).'),
  },
  'a mapping like { webhook: "https://hooks.slack.com/services/…" }',
).describe('Slack through an incoming webhook: Block Kit messages coloured by severity.');

/** `slack:` channels. */
export const slackChannelKind = defineChannelKind({
  key: 'slack',
  schema,
  resolve(input) {
    const slack: SlackChannelSpec = { webhook: input.webhook };
    if (input.channel !== undefined) slack.channel = input.channel;
    if (input.username !== undefined) slack.username = input.username;
    // The webhook URL is the credential.
    return { part: { kind: 'slack', slack }, secrets: [input.webhook] };
  },
});
