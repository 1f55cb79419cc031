import type { ProblemSink } from '../problems/path-problem.js';
import type { ParsedConfig } from '../schema/config-schema.js';
import { probeTimingShape } from '../schema/probe-timing-schema.js';
import type { ProbeTimingInput } from './resolve-probe-common.js';
import { alertingSchema, alertRuleSchema } from '../schema/alerts/alert-rule-schema.js';
import { environmentSchema } from '../schema/environment-schema.js';
import { NAME_PATTERN } from '../schema/internal/name-field.js';
import { probeSchema } from '../schema/probe-schema.js';

// Stands in for an environment url that is present but invalid: its own problem is
// reported already, and "needs a url" would be wrong.
const INVALID_BASE = 'http://invalid.invalid';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * When the schema rejects the config, rebuilds it from the parts that are valid (each probe,
 * each environment url, the defaults) so the cross-checks still run and every problem is
 * reported in one go. `problems` is narrowed so checks that depend on an invalid part stay quiet.
 */
export function salvageConfig(data: unknown, problems: ProblemSink): { parsed: ParsedConfig; problems: ProblemSink } {
  const root = isRecord(data) ? data : {};
  const defaults = salvageDefaults(root.defaults);
  const environments: Record<string, object> = {};
  for (const [name, raw] of Object.entries(isRecord(root.environments) ? root.environments : {})) {
    if (!NAME_PATTERN.test(name)) continue;
    const env = isRecord(raw) ? raw : {};
    const url = environmentSchema.shape.url.safeParse(env.url);
    const probes: Record<string, unknown> = {};
    for (const [probeName, probe] of Object.entries(isRecord(env.probes) ? env.probes : {})) {
      const result = probeSchema.safeParse(probe);
      if (result.success && NAME_PATTERN.test(probeName)) probes[probeName] = result.data;
    }
    environments[name] = { url: url.success ? url.data : INVALID_BASE, probes };
    (environments[name] as { alerts?: unknown }).alerts = salvageAlerts(env.alerts);
  }
  const alerting = alertingSchema.safeParse(root.alerting);
  const parsed = {
    project: '', defaults: defaults.valid, environments,
    alerts: salvageAlerts(root.alerts), alerting: alerting.success ? alerting.data : undefined,
  } as ParsedConfig;
  // With invalid defaults the interval in force is unknown, so timing checks would guess.
  const narrowed: ProblemSink = {
    add: (path, message, at, offset) => {
      const key = path[path.length - 1];
      if (defaults.complete || (key !== 'timeout' && key !== 'jitter')) problems.add(path, message, at, offset);
    },
  };
  return { parsed, problems: narrowed };
}

/** The default settings that are valid on their own; `complete` when none was invalid. */
function salvageDefaults(raw: unknown): { valid: ProbeTimingInput; complete: boolean } {
  const input = isRecord(raw) ? raw : {};
  const valid: Record<string, unknown> = {};
  let complete = true;
  for (const [key, field] of Object.entries(probeTimingShape)) {
    const result = field.safeParse(input[key]);
    if (result.success) valid[key] = result.data;
    else complete = false;
  }
  return { valid: valid as ProbeTimingInput, complete };
}

/** The alert rules that are valid on their own, so their cross-checks (probes, PromQL, runbooks) still run. */
function salvageAlerts(raw: unknown): Record<string, unknown> {
  const alerts: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(isRecord(raw) ? raw : {})) {
    const result = alertRuleSchema.safeParse(rule);
    if (result.success && NAME_PATTERN.test(name)) alerts[name] = result.data;
  }
  return alerts;
}
