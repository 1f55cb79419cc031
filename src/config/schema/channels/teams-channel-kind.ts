import { channelMapping, httpUrlField } from './channel-fields.js';
import { defineChannelKind } from './channel-kind.js';

const schema = channelMapping(
  {
    webhook: httpUrlField('https://example.webhook.office.com/webhookb2/…').describe(
      'The incoming webhook or Workflows ("When a Teams webhook request is received") URL, usually `${TEAMS_WEBHOOK}`.',
    ),
  },
  'a mapping like { webhook: "https://…" }',
).describe('Microsoft Teams: an Adaptive Card message to an incoming webhook or a Workflows trigger.');

/** `teams:` channels. */
export const teamsChannelKind = defineChannelKind({
  key: 'teams',
  schema,
  resolve(input) {
    return { part: { kind: 'teams', teams: { webhook: input.webhook } }, secrets: [input.webhook] };
  },
});
