import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { durationField } from '../internal/duration-field.js';
import { optional } from '../internal/optional-field.js';
import { strictObject } from '../internal/strict-object.js';
import { urlField } from '../internal/url-field.js';

/** `alerting.heartbeat`: guardia's own ping to an external dead man's switch. */
export const heartbeatSchema = optional(
  strictObject({
    url: urlField(['http:', 'https:'], 'an absolute http(s) URL like "https://hc-ping.com/<uuid>"').describe(
      'The dead man\'s switch to ping, e.g. `https://hc-ping.com/${HC_UUID}` (healthchecks.io, Cronitor, Better Stack…).',
    ),
    every: optional(durationField({ min: 1000 })).describe('How often to ping while rule evaluation is healthy. Default: 1m.'),
    method: optional(z.enum(['GET', 'POST'], { error: `expected GET or POST${GOT}` })).describe(
      'GET (default), or POST with a small JSON body `{project, status, at}`.',
    ),
  }),
).describe(
  'Outbound heartbeat: guardia pings this URL every `every` while its rules are being evaluated, so an external service alerts when guardia itself stops.',
);
