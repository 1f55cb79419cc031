import { formatPromDuration } from '../../../gocompat/index.js';
import type { ConfigPath, ProblemSink } from '../../problems/path-problem.js';
import { didYouMean } from '../../problems/did-you-mean.js';
import type { EnvironmentConfig, ProbeConfig } from '../../resolved-config.js';

/** A rule's condition as validated: exactly one key is set. */
export interface AlertConditionInput {
  expr?: string | undefined;
  down?: string | undefined;
  degraded?: string | undefined;
  missed?: string | undefined;
  latency?: { probe: string; over: number } | undefined;
  error_rate?: { metric: string; errors: string; over: number; window?: number | undefined } | undefined;
}

const DEFAULT_ERROR_WINDOW_MS = 5 * 60_000;

/**
 * The PromQL of a short form (`down: api` → `guardia_probe_up{env="production",probe="api"} == 0`),
 * or undefined when it names a probe that does not exist (reported to `problems`).
 * `expr` is returned as written. `env` is the rule's environment, undefined for a global rule.
 */
export function compileAlertCondition(
  input: AlertConditionInput,
  env: string | undefined,
  environments: readonly EnvironmentConfig[],
  path: ConfigPath,
  problems: ProblemSink,
): string | undefined {
  const probe = (ref: string, key: ConfigPath, heartbeat = false): string | undefined => {
    const found = findProbe(ref, env, environments, [...path, ...key], problems);
    if (found && heartbeat && found.kind !== 'heartbeat') {
      problems.add([...path, ...key], `"missed" needs a heartbeat probe, and ${found.id} is a ${found.kind} probe; use "down" for it`);
      return undefined;
    }
    return found ? `{env=${quote(found.env)},probe=${quote(found.name)}}` : undefined;
  };
  if (input.expr !== undefined) return input.expr;
  if (input.down !== undefined) return withSelector(probe(input.down, ['down']), (s) => `guardia_probe_up${s} == 0`);
  if (input.degraded !== undefined) return withSelector(probe(input.degraded, ['degraded']), (s) => `guardia_probe_state${s} == 1`);
  if (input.missed !== undefined) return withSelector(probe(input.missed, ['missed'], true), (s) => `guardia_probe_up${s} == 0`);
  if (input.latency !== undefined) {
    const over = input.latency.over / 1000;
    return withSelector(probe(input.latency.probe, ['latency', 'probe']), (s) => `guardia_probe_duration_seconds${s} > ${over}`);
  }
  if (input.error_rate !== undefined) return errorRateExpr(input.error_rate, env);
  return undefined;
}

function withSelector(selector: string | undefined, build: (selector: string) => string): string | undefined {
  return selector === undefined ? undefined : build(selector);
}

/** `sum(rate(m{errors}[w])) / sum(rate(m[w])) > ratio`, kept per environment. */
function errorRateExpr(input: NonNullable<AlertConditionInput['error_rate']>, env: string | undefined): string {
  const window = formatPromDuration(input.window ?? DEFAULT_ERROR_WINDOW_MS);
  const scope = env === undefined ? '' : `env=${quote(env)}`;
  const errors = [scope, input.errors.trim()].filter((part) => part !== '').join(',');
  const all = scope;
  // `by (env)` keeps the environment label on global rules, so each environment alerts on its own.
  return `sum by (env) (rate(${input.metric}{${errors}}[${window}])) / sum by (env) (rate(${input.metric}{${all}}[${window}])) > ${input.over}`;
}

/** A probe by `name` (in the rule's environment) or `env/name`; reports a missing one with "did you mean". */
function findProbe(ref: string, env: string | undefined, environments: readonly EnvironmentConfig[], path: ConfigPath, problems: ProblemSink): ProbeConfig | undefined {
  const id = ref.includes('/') ? ref : env === undefined ? undefined : `${env}/${ref}`;
  const all = environments.flatMap((e) => e.probes);
  if (id === undefined) {
    problems.add(path, `a global alert names its probe with its environment, like "${all[0]?.id ?? 'production/api'}"; got ${quote(ref)}`);
    return undefined;
  }
  const found = all.find((p) => p.id === id);
  if (found) return found;
  const candidates = ref.includes('/') ? all.map((p) => p.id) : all.filter((p) => p.env === env).map((p) => p.name);
  const guess = didYouMean(ref, candidates);
  const hint = guess === undefined ? (candidates.length > 0 ? ` (probes: ${candidates.join(', ')})` : '') : `; did you mean ${quote(guess)}?`;
  problems.add(path, `no probe ${quote(id)}${hint}`);
  return undefined;
}

function quote(text: string): string {
  return JSON.stringify(text);
}
