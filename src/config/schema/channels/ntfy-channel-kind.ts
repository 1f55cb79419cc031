import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { optional } from '../internal/optional-field.js';
import type { NtfyChannelSpec } from '../../resolved-channel-config.js';
import { channelMapping, httpUrlField, textField } from './channel-fields.js';
import { defineChannelKind } from './channel-kind.js';

/** The public ntfy server. */
export const DEFAULT_NTFY_URL = 'https://ntfy.sh';

const TOPIC_EXPECTED = `expected a topic made of letters, digits, "_" and "-"${GOT}`;

const schema = channelMapping(
  {
    topic: z.string({ error: TOPIC_EXPECTED }).regex(/^[-_A-Za-z0-9]{1,64}$/, { error: TOPIC_EXPECTED }).describe('Topic to publish to.'),
    url: optional(httpUrlField(DEFAULT_NTFY_URL)).describe(`ntfy server. Default: ${DEFAULT_NTFY_URL}.`),
    token: optional(textField('an access token')).describe('Access token, sent as `Authorization: Bearer <token>`.'),
  },
  'a mapping like { topic: "myapp-alerts" }',
).describe('ntfy: a push message per notification, priority from severity.');

/** `ntfy:` channels. */
export const ntfyChannelKind = defineChannelKind({
  key: 'ntfy',
  schema,
  resolve(input) {
    const ntfy: NtfyChannelSpec = { url: input.url ?? DEFAULT_NTFY_URL, topic: input.topic };
    if (input.token !== undefined) ntfy.token = input.token;
    return { part: { kind: 'ntfy', ntfy }, secrets: input.token === undefined ? [] : [input.token] };
  },
});
