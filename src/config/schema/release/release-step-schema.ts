import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { durationField } from '../internal/duration-field.js';
import { nameField } from '../internal/name-field.js';
import { numberField } from '../internal/number-field.js';
import { optional } from '../internal/optional-field.js';
import { containerError, typeError } from '../internal/parsed-text.js';
import { strictObject } from '../internal/strict-object.js';
import { switchUnion } from '../internal/switch-union.js';
import { urlField } from '../internal/url-field.js';
import { probeSchema } from '../probe-schema.js';

const text = (expected: string) => z.string({ error: typeError(`expected ${expected}${GOT}`) });
const httpUrl = () => urlField(['http:', 'https:'], 'an absolute http(s) URL like "https://api.render.com/deploy/srv-x"');

const runSchema = strictObject({
  run: text('a shell command'),
  name: optional(text('a step name')).describe('Name shown in output and in the record. Default: the command.'),
  timeout: optional(durationField({ min: 1000 })).describe('Kill the command (its whole process group) after this long. Default: 10m.'),
});

const pollSchema = strictObject({
  url: httpUrl().describe('Status URL, called with GET until `until` holds.'),
  until: strictObject({
    status: optional(numberField({ min: 100, max: 599, integer: true })).describe('HTTP status that means done.'),
    json: optional(z.record(z.string(), z.unknown())).describe('Top-level JSON fields that must all equal these values, e.g. `{ status: live }`.'),
  }),
  every: optional(durationField({ min: 100 })).describe('Delay between polls. Default: 5s.'),
  timeout: optional(durationField({ min: 1000 })).describe('Give up after this long. Default: 10m.'),
});

const httpSchema = strictObject({
  http: strictObject({
    url: httpUrl().describe('Deploy hook, e.g. Render\'s or Railway\'s, usually with a `${VAR}` key.'),
    method: optional(z.enum(['GET', 'POST', 'PUT'], { error: typeError(`expected GET, POST or PUT${GOT}`) })).describe('Default: POST.'),
    headers: optional(z.record(z.string(), z.string())).describe('Request headers.'),
    body: optional(text('a request body')).describe('Request body (sent as is).'),
    poll: optional(pollSchema).describe('Poll a status URL until the deploy is done.'),
  }),
  name: optional(text('a step name')),
});

const migrateSchema = strictObject({
  migrate: text('a directory of numbered SQL migrations'),
  name: optional(text('a step name')),
});

const smokeSchema = strictObject({
  smoke: z.array(probeSchema, { error: containerError(`expected a list of probe definitions${GOT}`) }).min(1),
  name: optional(text('a step name')),
});

const waitHealthySchema = strictObject({
  wait_healthy: strictObject({
    probes: z.array(nameField('a probe name'), { error: containerError(`expected a list of probe names${GOT}`) }).min(1),
    consecutive: optional(numberField({ min: 1, integer: true })).describe('Healthy runs in a row needed. Default: 3.'),
    every: optional(durationField({ min: 100 })).describe('Delay between runs. Default: 2s.'),
    timeout: optional(durationField({ min: 1000 })).describe('Give up after this long. Default: 5m.'),
  }),
  name: optional(text('a step name')),
});

const STEP_KEYS = ['run', 'http', 'migrate', 'smoke', 'wait_healthy'] as const;

function selectStep(input: unknown): number | string {
  if (typeof input === 'string') return ['backup', 'migrate'].includes(input) ? 0 : 1;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return `expected a step: a command, "backup", "migrate" or a mapping with one of ${STEP_KEYS.join(', ')}${GOT}`;
  const index = STEP_KEYS.findIndex((key) => key in input);
  return index === -1 ? `expected a step with one of ${STEP_KEYS.join(', ')}${GOT}` : index + 2;
}

/** One release step: a bare `backup` / `migrate`, a command string, or a mapping of one kind. */
export const releaseStepSchema = switchUnion(
  [z.enum(['backup', 'migrate']), text('a shell command'), runSchema, httpSchema, migrateSchema, smokeSchema, waitHealthySchema],
  selectStep,
).describe('A step: `backup`, `migrate`, a shell command, or one of `{run}`, `{http}`, `{migrate: dir}`, `{smoke: [probes]}`, `{wait_healthy}`.');

/** A list of release steps, in order. */
export const releaseStepsSchema = z.array(releaseStepSchema, { error: containerError(`expected a list of steps${GOT}`) });

/** A release step as validated by the schema. */
export type ReleaseStepInput = z.output<typeof releaseStepSchema>;
