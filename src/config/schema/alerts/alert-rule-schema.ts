import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { booleanField } from '../internal/boolean-field.js';
import { durationField } from '../internal/duration-field.js';
import { keyRule } from '../internal/key-rule.js';
import { nameField } from '../internal/name-field.js';
import { optional } from '../internal/optional-field.js';
import { containerError, typeError } from '../internal/parsed-text.js';
import { percentField } from '../internal/percent-field.js';
import { severityField } from '../internal/severity-field.js';
import { strictObject } from '../internal/strict-object.js';
import { heartbeatSchema } from './heartbeat-schema.js';

/** The keys that say what a rule checks: exactly one per rule. */
export const ALERT_CONDITION_KEYS = ['expr', 'down', 'degraded', 'missed', 'latency', 'error_rate'] as const;

/** Label and annotation names, as Prometheus allows them. */
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const METRIC_NAME = /^[A-Za-z_:][A-Za-z0-9_:]*$/;
const PROBE_REF = 'a probe name like "api" (or "production/api" in global alerts)';


const text = (expected: string) => z.string({ error: typeError(`expected ${expected}${GOT}`) });
const probeRef = () => text(PROBE_REF).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)?$/, { error: `expected ${PROBE_REF}${GOT}` });

function namedTexts(what: 'label' | 'annotation') {
  const nameError = `expected a ${what} name of letters, digits and "_", not starting with a digit${GOT}`;
  const name = z.string().regex(LABEL_NAME, { error: nameError });
  return z.record(name, text(`the ${what}'s text`), { error: containerError(`expected a mapping of ${what} names to texts${GOT}`) });
}

const latencySchema = strictObject({
  probe: probeRef().describe('The probe whose `guardia_probe_duration_seconds` is watched.'),
  over: durationField().describe('Fires while the probe takes longer than this, e.g. `500ms`.'),
}).describe('Latency: `guardia_probe_duration_seconds{env, probe} > over`.');

const errorRateSchema = strictObject({
  metric: text('a counter name like "http_requests_total"')
    .regex(METRIC_NAME, { error: `expected a metric name like "http_requests_total"${GOT}` })
    .describe('A scraped counter of requests, e.g. `http_requests_total`.'),
  errors: text('label matchers like \'status=~"5.."\'').describe('Matchers that select the failed requests, e.g. `status=~"5.."`.'),
  over: percentField().describe('Fires while errors / all exceeds this, e.g. `5%`.'),
  window: optional(durationField({ min: 1000 })).describe('Rate window, e.g. `5m`. Default: 5m.'),
}).describe('Error ratio: `sum(rate(metric{errors}[window])) / sum(rate(metric[window])) > over`, within the environment.');

/** One alert rule: what to check (one of `expr`, `down`, `degraded`, `missed`, `latency`, `error_rate`) and how to alert. */
export const alertRuleSchema = strictObject({
  expr: optional(text('a PromQL expression')).describe('PromQL; every result is an alert. In an environment, selectors without `env` get `env="<environment>"`.'),
  down: optional(probeRef()).describe('Fires while the probe is down: `guardia_probe_up{env, probe} == 0`.'),
  degraded: optional(probeRef()).describe('Fires while the probe is degraded: `guardia_probe_state{env, probe} == 1`.'),
  missed: optional(probeRef()).describe('Fires while a heartbeat probe is down (its ping is overdue past grace, or it reported a failure).'),
  latency: optional(latencySchema),
  error_rate: optional(errorRateSchema),
  for: optional(durationField()).describe('How long the condition must hold before the alert fires. Default: 0 (at once).'),
  keep_firing_for: optional(durationField()).describe('Keep firing this long after the condition clears (against flapping). Default: 0.'),
  severity: optional(severityField('one of critical, high, medium, low (or warning, info)')).describe('critical, high, medium or low (`warning` means medium, `info` low). Default: high.'),
  labels: optional(namedTexts('label')).describe('Extra labels; templates like `{{ $labels.probe }}` allowed.'),
  annotations: optional(namedTexts('annotation')).describe('`summary`, `description`…; templates `{{ $labels.x }}`, `{{ $value }}` allowed.'),
  runbook: optional(text('a runbook path or URL')).describe('Markdown runbook: a path relative to this file (it must exist) or an http(s) URL.'),
})
  .check(
    keyRule((isSet, report) => {
      const set = ALERT_CONDITION_KEYS.filter((key) => isSet(key));
      const choices = ALERT_CONDITION_KEYS.map((key) => `"${key}"`).join(', ');
      if (set.length === 0) report(`missing what to check: add one of ${choices}`);
      for (const extra of set.slice(1)) report(`"${set[0]}" and "${extra}" exclude each other: a rule checks one thing`, [extra]);
    }),
  )
  .describe('An alert rule: one of expr, down, degraded, missed, latency, error_rate, plus for, keep_firing_for, severity, labels, annotations, runbook.');

/** `alerts:` — rules by name (an environment's, or global at the top level). */
export const alertsSchema = optional(
  z.record(nameField('an alert name'), alertRuleSchema, { error: containerError(`expected a mapping of alert names to rules${GOT}`) }),
).describe('Alert rules by name, e.g. `ServiceDown: { down: api, severity: critical }`.');

/** `alerting:` — evaluation settings shared by every rule. */
export const alertingSchema = optional(
  strictObject({
    evaluation_interval: optional(durationField({ min: 1000 })).describe(
      'How often rules not tied to one probe are evaluated (rules over a probe run at each of its results). Default: 10s.',
    ),
    watchdog: optional(booleanField()).describe(
      'An always-firing `Watchdog` alert (severity low) that proves the alerting pipeline works end to end. Default: true.',
    ),
    heartbeat: heartbeatSchema,
  }),
).describe('Alert evaluation settings.');
