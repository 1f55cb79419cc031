import { optional } from '../internal/optional-field.js';
import { channelMapping, httpUrlField, textField } from './channel-fields.js';
import { defineChannelKind } from './channel-kind.js';

/** The Events API v2 home; tests set `api_url`. */
export const DEFAULT_PAGERDUTY_API_URL = 'https://events.pagerduty.com';

const schema = channelMapping(
  {
    routing_key: textField('an integration (routing) key').describe('The Events API v2 integration key of the service, usually `${PAGERDUTY_ROUTING_KEY}`.'),
    api_url: optional(httpUrlField(DEFAULT_PAGERDUTY_API_URL)).describe(`Events API base URL. Default: ${DEFAULT_PAGERDUTY_API_URL}.`),
  },
  'a mapping like { routing_key: "${PAGERDUTY_ROUTING_KEY}" }',
).describe('PagerDuty Events API v2: trigger on firing, resolve on resolved, one incident per alert group.');

/** `pagerduty:` channels. */
export const pagerdutyChannelKind = defineChannelKind({
  key: 'pagerduty',
  schema,
  resolve(input) {
    const pagerduty = { routingKey: input.routing_key, apiUrl: input.api_url ?? DEFAULT_PAGERDUTY_API_URL };
    return { part: { kind: 'pagerduty', pagerduty }, secrets: [input.routing_key] };
  },
});
