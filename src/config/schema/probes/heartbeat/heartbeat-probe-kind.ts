import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import type { HeartbeatProbeSpec } from '../../../resolved-config.js';
import { parseCron, parseTimezone } from '../../../values/cron-parser.js';
import { durationField } from '../../internal/duration-field.js';
import { TEMPLATE_PATTERN } from '../../internal/json-schema-edits.js';
import { keyRule } from '../../internal/key-rule.js';
import { optional } from '../../internal/optional-field.js';
import { parsedText, typeError } from '../../internal/parsed-text.js';
import { strictObject } from '../../internal/strict-object.js';
import { defineProbeKind } from '../probe-kind.js';

/** Grace when none is given: a job that runs a little late is not yet down. */
export const DEFAULT_HEARTBEAT_GRACE_MS = 5 * 60_000;
export const HEARTBEAT_TOKEN = /^[A-Za-z0-9_-]{8,128}$/;
const TOKEN_EXPECTED = `expected a token of 8-128 letters, digits, "_" or "-"${GOT}`;

const heartbeatSchema = strictObject({
  period: optional(durationField({ min: 1000 })).describe('A ping is due every this long, e.g. `1d`. Exactly one of period or cron.'),
  cron: optional(parsedText((text) => parseCron(text).expr, 'a cron expression like "0 2 * * *"')).describe(
    'A ping is due at each time of this cron schedule, e.g. `0 2 * * *` (5 fields, or 6 with seconds first). Exactly one of period or cron.',
  ),
  timezone: optional(parsedText(parseTimezone, 'an IANA time zone like "Europe/Madrid"')).describe(
    'IANA time zone of the cron schedule, e.g. `Europe/Madrid`. Default: the host\'s.',
  ),
  grace: optional(durationField()).describe('How late a ping may be before the probe is down. Default: 5m.'),
  token: optional(
    z
      .string({ error: typeError(TOKEN_EXPECTED) })
      .regex(HEARTBEAT_TOKEN, { error: TOKEN_EXPECTED })
      // Editors see the file before interpolation, where the token is usually `${VAR}`.
      .meta({ pattern: `${HEARTBEAT_TOKEN.source}|${TEMPLATE_PATTERN}` }),
  ).describe(
    'Push token (8-128 of A-Z a-z 0-9 _ -), unique across heartbeats; usually `${VAR}`. Default: generated and kept in the store.',
  ),
})
  .check(
    keyRule((isSet, report) => {
      if (!isSet('period') && !isSet('cron')) report('missing when pings are due: add "period" or "cron"');
      if (isSet('period') && isSet('cron')) report('"period" and "cron" exclude each other; keep one', ['cron']);
      if (isSet('timezone') && !isSet('cron')) report('"timezone" applies only with "cron"', ['timezone']);
    }),
  )
  .describe('Expect pings at POST /push/<token>: on a `period` or a `cron` schedule, within `grace`.');

/** `heartbeat:` probes: a job pings guardia, and a missing ping means down. */
export const heartbeatProbeKind = defineProbeKind({
  key: 'heartbeat',
  shape: { heartbeat: heartbeatSchema },
  resolve(input) {
    const { period, cron, timezone, grace, token } = input.heartbeat;
    const heartbeat: HeartbeatProbeSpec = {
      graceMs: grace ?? DEFAULT_HEARTBEAT_GRACE_MS,
      ...(period !== undefined ? { periodMs: period } : {}),
      ...(cron !== undefined ? { cron: timezone === undefined ? { expr: cron } : { expr: cron, timezone } } : {}),
      ...(token !== undefined ? { token } : {}),
    };
    return { kind: 'heartbeat', heartbeat };
  },
});
