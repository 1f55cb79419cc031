import * as z from 'zod';
import { GOT } from '../problems/path-problem.js';
import { booleanField } from './internal/boolean-field.js';
import { durationField } from './internal/duration-field.js';
import { nameField } from './internal/name-field.js';
import { optional } from './internal/optional-field.js';
import { containerError } from './internal/parsed-text.js';
import { severityField } from './internal/severity-field.js';
import { strictObject } from './internal/strict-object.js';
import { byType, switchUnion } from './internal/switch-union.js';

const severity = severityField();
const sev = z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4'], { error: `expected an incident severity: SEV1, SEV2, SEV3 or SEV4${GOT}` });
const channels = switchUnion(
  [nameField('a channel name').transform((one) => [one]), z.array(nameField('a channel name')).min(1)],
  byType({ string: 0, array: 1 }, `expected a channel name or a list of channel names${GOT}`),
);

const stepSchema = strictObject({
  after: durationField().describe('Time since the incident opened (or since the round started, when repeating), e.g. `15m`.'),
  notify: channels.describe('Channels (from `channels:`) to notify, e.g. `oncall` or `[oncall, ops]`.'),
}).describe('One escalation step: notify these channels after this long unless acknowledged.');

const policySchema = strictObject({
  respond: optional(durationField({ min: 1000 })).describe('Response target: acknowledge within this long (shown on the incident).'),
  escalate: optional(z.array(stepSchema, { error: containerError(`expected a list of escalation steps${GOT}`) })).describe(
    'Escalation steps, in order of `after`; they stop once the incident is acknowledged or resolved.',
  ),
  repeat: optional(durationField({ min: 60_000 })).describe('Start the escalation again this long after its last step while unacknowledged.'),
}).describe('A severity policy: response target and escalation.');

/** `incidents:` — when alerts open incidents, and how each severity escalates. */
export const incidentsSchema = optional(
  strictObject({
    open_on: optional(z.array(severity, { error: containerError(`expected a list of alert severities like [critical, high]${GOT}`) })).describe(
      'Alert severities that open an incident when they fire. Default: [critical].',
    ),
    correlate: optional(durationField()).describe('Alerts of the same environment firing within this long of an open incident join it. Default: 30m.'),
    auto_resolve: optional(booleanField()).describe('Resolve an incident once all its alerts resolved. Default: true.'),
    severities: optional(strictObject({ SEV1: optional(policySchema), SEV2: optional(policySchema), SEV3: optional(policySchema), SEV4: optional(policySchema) })).describe(
      'Policies by incident severity. Defaults: respond 5m, 15m, 1h, 24h; no escalation.',
    ),
    map: optional(strictObject({ critical: optional(sev), high: optional(sev), medium: optional(sev), low: optional(sev) })).describe(
      'Incident severity of each alert severity. Default: critical SEV1, high SEV2, medium SEV3, low SEV4.',
    ),
  }),
).describe('Incidents: opened from firing alerts, escalated until acknowledged, with a timeline.');
