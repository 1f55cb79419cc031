import * as z from 'zod';
import { durationField } from '../../internal/duration-field.js';
import { optional } from '../../internal/optional-field.js';
import { regexField } from '../../internal/regex-field.js';
import { strictObject } from '../../internal/strict-object.js';
import { headerName } from './http-request-schema.js';
import { jsonPathSchema } from './json-path-schema.js';
import { statusSchema } from './status-schema.js';

/** `expect:` — what a healthy response looks like. */
export const httpExpectSchema = strictObject({
  status: optional(statusSchema),
  json: z.unknown().optional().describe('The body must be JSON containing this subset, e.g. `{ status: healthy }`.'),
  json_path: optional(jsonPathSchema),
  body: optional(regexField()).describe('A regular expression the body must match, e.g. `ok|healthy`.'),
  headers: optional(z.record(headerName, regexField())).describe(
    'Response headers that must match, name → regular expression. Names are case-insensitive.',
  ),
  max_latency: optional(durationField()).describe('Above this latency the probe is down, e.g. `2s`.'),
}).describe('What a healthy response looks like. Default: status 2xx.');
