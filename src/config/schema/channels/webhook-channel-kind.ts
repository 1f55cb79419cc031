import * as z from 'zod';
import { optional } from '../internal/optional-field.js';
import { headerName } from '../probes/http/http-request-schema.js';
import { channelMapping, httpUrlField, textField } from './channel-fields.js';
import { defineChannelKind } from './channel-kind.js';
import type { WebhookChannelSpec } from '../../resolved-channel-config.js';

const schema = channelMapping(
  {
    url: httpUrlField('https://hooks.example.com/guardia').describe('Where to POST the Alertmanager webhook v4 JSON.'),
    secret: optional(textField('a signing secret')).describe(
      'Signs each body: header `X-Guardia-Signature: sha256=<hex HMAC-SHA256 of the body>`. Usually `${WEBHOOK_SECRET}`.',
    ),
    bearer_token: optional(textField('a token')).describe('Sent as `Authorization: Bearer <token>`.'),
    headers: optional(z.record(headerName, z.string())).describe('Extra request headers, name → value.'),
  },
  'a mapping like { url: "https://hooks.example.com/guardia" }',
).describe('A generic webhook: POSTs the Alertmanager webhook format (version "4"), optionally HMAC-signed.');

/** `webhook:` channels: the Alertmanager webhook JSON to any URL. */
export const webhookChannelKind = defineChannelKind({
  key: 'webhook',
  schema,
  resolve(input) {
    const webhook: WebhookChannelSpec = { url: input.url, headers: input.headers ?? {} };
    if (input.secret !== undefined) webhook.secret = input.secret;
    if (input.bearer_token !== undefined) webhook.bearerToken = input.bearer_token;
    const secrets = [input.secret, input.bearer_token, ...Object.values(webhook.headers)].filter((s): s is string => s !== undefined);
    return { part: { kind: 'webhook', webhook }, secrets };
  },
});
