import * as z from 'zod';
import { GOT } from '../problems/path-problem.js';
import { parseCron, parseTimezone } from '../values/cron-parser.js';
import { InvalidValueError } from '../values/invalid-value-error.js';
import { booleanField } from './internal/boolean-field.js';
import { durationField } from './internal/duration-field.js';
import { keyRule } from './internal/key-rule.js';
import { nameField } from './internal/name-field.js';
import { optional } from './internal/optional-field.js';
import { containerError, parsedText, typeError } from './internal/parsed-text.js';
import { regexField } from './internal/regex-field.js';
import { severityField } from './internal/severity-field.js';
import { strictObject } from './internal/strict-object.js';
import { byType, switchUnion } from './internal/switch-union.js';

const severity = severityField();
const labelName = z
  .string({ error: typeError(`expected a label name${GOT}`) })
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: `expected a label name like "env" or "alertname"${GOT}` });
const labelValues = z.record(labelName, z.string({ error: typeError(`expected a label value${GOT}`) }), {
  error: containerError(`expected a mapping of labels to values like { alertname: ServiceDown }${GOT}`),
});
const oneOrMany = <T extends z.ZodType>(item: T) =>
  switchUnion([item.transform((one) => [one] as z.output<T>[]), z.array(item).min(1)], byType({ string: 0, array: 1 }, `expected a value or a list of values${GOT}`));
const channelList = z.array(nameField('a channel name'), { error: containerError(`expected a list of channel names like [ops-webhook]${GOT}`) }).min(1);

const routeSchema = strictObject({
  match: optional(labelValues).describe('Labels the alert must have, with these values.'),
  match_re: optional(z.record(labelName, regexField())).describe('Labels whose value must match these regexes (anchored).'),
  severity: optional(oneOrMany(severity)).describe('Severities this route takes.'),
  env: optional(oneOrMany(nameField('an environment name'))).describe('Environments this route takes.'),
  channels: channelList.describe('Channels (from `channels:`) the alerts go to.'),
  continue: optional(booleanField()).describe('Keep matching later routes after this one (default false).'),
  group_by: optional(z.array(labelName)).describe('Labels that split alerts into notification groups (default [alertname, env]).'),
  group_wait: optional(durationField()).describe('Wait before the first notification of a new group (default 0 for critical, 30s otherwise).'),
  group_interval: optional(durationField({ min: 1000 })).describe('Wait before notifying later changes of a group (default 5m).'),
  repeat_interval: optional(durationField({ min: 1000 })).describe('Re-send a group whose alerts keep firing unchanged (default 4h).'),
}).describe('One route: which alerts (every matcher must hold), where they go, and its group timers.');

const inhibitSchema = strictObject({
  source: z.record(labelName, oneOrMany(z.string()), { error: containerError(`expected a mapping of labels to values${GOT}`) }).describe(
    'Labels of the firing alert that mutes others, e.g. { alertname: ServiceDown }.',
  ),
  target: z.record(labelName, oneOrMany(z.string()), { error: containerError(`expected a mapping of labels to values${GOT}`) }).describe(
    'Labels of the alerts it mutes, e.g. { severity: [medium, high] }.',
  ),
  equal: optional(z.array(labelName)).describe('Labels that must be equal on both, e.g. [env].'),
}).describe('While an alert matching `source` fires, alerts matching `target` (and equal on `equal`) are not notified.');

/** An RFC 3339 time with a zone, e.g. `2026-03-01T02:00:00Z` or `2026-03-01T03:00:00+01:00`. */
function parseTimestamp(text: string): number {
  const expected = 'an RFC 3339 time like "2026-03-01T02:00:00Z"';
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(text.trim())) throw new InvalidValueError(expected, text);
  const ms = Date.parse(text.trim());
  if (Number.isNaN(ms)) throw new InvalidValueError(expected, text);
  return ms;
}

const maintenanceSchema = strictObject({
  name: nameField('a window name').describe('Name of the window, shown in logs and the API.'),
  env: optional(nameField('an environment name')).describe('Only alerts of this environment (default: all).'),
  match: optional(labelValues).describe('Only alerts with these labels (default: all).'),
  start: optional(parsedText(parseTimestamp, 'an RFC 3339 time like "2026-03-01T02:00:00Z"')).describe('Start of a one-off window.'),
  end: optional(parsedText(parseTimestamp, 'an RFC 3339 time like "2026-03-01T04:00:00Z"')).describe('End of a one-off window.'),
  cron: optional(z.string({ error: typeError(`expected a cron expression like "0 3 * * 0"${GOT}`) })).describe(
    'Start of each recurring window (cron, 5 fields), e.g. "0 3 * * 0".',
  ),
  duration: optional(durationField({ min: 1000 })).describe('Length of each recurring window, e.g. 2h.'),
  timezone: optional(parsedText(parseTimezone, 'an IANA time zone like "Europe/Madrid"')).describe('Time zone of `cron` (default: the host\'s).'),
})
  .check(
    keyRule((isSet, report) => {
      const once = isSet('start') || isSet('end');
      const recurring = isSet('cron') || isSet('duration');
      if (once && recurring) report('expected either start and end, or cron and duration, not both');
      else if (!once && !recurring) report('expected start and end (one-off) or cron and duration (recurring)');
      else if (once) for (const key of ['start', 'end']) if (!isSet(key)) report(`expected "${key}" with a one-off window`);
      if (recurring) for (const key of ['cron', 'duration']) if (!isSet(key)) report(`expected "${key}" with a recurring window`);
    }),
  )
  .describe('A maintenance window: probes keep running, notifications are held back.');

/** Checks a cron expression of a maintenance window with its timezone (both known only together). */
export function checkMaintenanceCron(expr: string, timezone: string | undefined): string | undefined {
  try {
    parseCron(expr, timezone);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidValueError) return `expected ${error.expected}${GOT}${error.detail ? ` (${error.detail})` : ''}`;
    throw error;
  }
}

/** The top-level keys of routing: spread into the config schema. */
export const routingFields = {
  notify: optional(channelList).describe('The default route: channels for alerts no route takes.'),
  routes: optional(z.array(routeSchema, { error: containerError(`expected a list of routes${GOT}`) })).describe(
    'Routes, tried in order: the first that matches takes the alert (unless `continue`).',
  ),
  inhibit: optional(z.array(inhibitSchema, { error: containerError(`expected a list of inhibition rules${GOT}`) })).describe(
    'Inhibition rules: firing alerts that mute related ones.',
  ),
  maintenance: optional(z.array(maintenanceSchema, { error: containerError(`expected a list of maintenance windows${GOT}`) })).describe(
    'Maintenance windows: one-off (start, end) or recurring (cron, duration, timezone).',
  ),
};
