import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { parseCron } from '../../values/cron-parser.js';
import { durationField } from '../internal/duration-field.js';
import { nameField } from '../internal/name-field.js';
import { numberField } from '../internal/number-field.js';
import { optional } from '../internal/optional-field.js';
import { containerError, parsedText } from '../internal/parsed-text.js';
import { regexField } from '../internal/regex-field.js';
import { strictObject } from '../internal/strict-object.js';
import { byType, switchUnion } from '../internal/switch-union.js';
import { releaseStepsSchema } from './release-step-schema.js';

const names = (what: string) => z.array(nameField(what), { error: containerError(`expected a list of ${what}s${GOT}`) });
const isoTime = () =>
  parsedText((text) => {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw new Error('not a time');
    return ms;
  }, 'an ISO time like "2026-12-24T00:00:00Z"');

const freezeSchema = switchUnion(
  [
    strictObject({
      cron: parsedText((text) => parseCron(text).expr, 'a cron expression like "0 17 * * 5"'),
      for: durationField({ min: 60_000 }).describe('How long each freeze lasts from each cron time.'),
      reason: optional(z.string()),
    }),
    strictObject({ from: isoTime(), to: isoTime(), reason: optional(z.string()) }),
  ],
  (input) => (typeof input === 'object' && input !== null && 'cron' in input ? 0 : 1),
).describe('A freeze window: `{cron, for}` repeating, or `{from, to}` once.');

/** `release:` of one environment: the checks, steps, watch and rollback of `guardia release`. */
export const releaseSchema = optional(
  strictObject({
    versions: optional(regexField()).describe('Allowed versions (regex). Default: semver tags like v1.2.3 or 1.2.3.'),
    requires: optional(nameField('an environment name')).describe('An environment where the same version must have succeeded first.'),
    approval: optional(
      strictObject({
        approvers: optional(numberField({ min: 1, integer: true })).describe('Distinct approvers needed (never the initiator). Default: 1.'),
        expires: optional(durationField({ min: 60_000 })).describe('An approval request expires after this long. Default: 24h.'),
      }),
    ),
    freeze: optional(z.array(freezeSchema, { error: containerError(`expected a list of freeze windows${GOT}`) })),
    steps: releaseStepsSchema.min(1).describe('Steps, in order; the first failure stops the release and runs `rollback`.'),
    watch: optional(
      strictObject({
        for: durationField({ min: 1000 }).describe('How long to watch after the steps.'),
        alerts: optional(names('an alert name')).describe('Alerts of this environment that trigger a rollback when firing.'),
        probes: optional(names('a probe name')).describe('Probes of this environment that trigger a rollback when down.'),
        every: optional(durationField({ min: 100 })).describe('Check interval. Default: 5s.'),
      }),
    ),
    rollback: optional(releaseStepsSchema).describe('Steps that put PREVIOUS_VERSION back; migrations are never reverted.'),
    notify: optional(
      switchUnion([z.string().transform((one) => [one]), names('a channel name')], byType({ string: 0, array: 1 }, `expected a channel name or a list of them${GOT}`)),
    ).describe('Channels told on start, success, failure and rollback. Default: the default route (`notify:`).'),
  }),
).describe('The release pipeline of this environment (`guardia release`).');

/** `release:` as validated by the schema. */
export type ReleaseInput = NonNullable<z.output<typeof releaseSchema>>;
