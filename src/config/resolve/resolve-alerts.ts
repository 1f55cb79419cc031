import { existsSync } from 'node:fs';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { PromqlParseError } from '../../errors.js';
import { formatExpr, parseExpr } from '../../promql/index.js';
import { AlertTemplate } from '../../rules/index.js';
import type { ConfigPath, ProblemSink } from '../problems/path-problem.js';
import type { AlertingConfig, AlertRuleConfig, EnvironmentConfig } from '../resolved-config.js';
import { compileAlertCondition, type AlertConditionInput } from './alerts/compile-alert-condition.js';
import { scopeToEnv } from './alerts/scope-to-env.js';

/** One rule as the schema validated it. */
export interface AlertRuleInput extends AlertConditionInput {
  for?: number | undefined;
  keep_firing_for?: number | undefined;
  severity?: AlertRuleConfig['severity'] | undefined;
  labels?: Record<string, string> | undefined;
  annotations?: Record<string, string> | undefined;
  runbook?: string | undefined;
}

/** What `resolveAlerting` reads: `alerting:`, the global `alerts:` and each environment's. */
export interface AlertingInput {
  alerting?:
    | {
        evaluation_interval?: number | undefined;
        watchdog?: boolean | undefined;
        heartbeat?: { url: string; every?: number | undefined; method?: 'GET' | 'POST' | undefined } | undefined;
      }
    | undefined;
  globalAlerts?: Record<string, AlertRuleInput> | undefined;
  envAlerts: { env: string; alerts: Record<string, AlertRuleInput> | undefined }[];
}

export interface AlertingContext {
  dir: string;
  environments: readonly EnvironmentConfig[];
  problems: ProblemSink;
  keyOrder: (path: ConfigPath) => string[];
}

const DEFAULT_EVALUATION_INTERVAL_MS = 10_000;

/** Compiles and checks every alert rule: PromQL parses, probes exist, templates parse, runbooks exist. */
export function resolveAlerting(input: AlertingInput, ctx: AlertingContext): AlertingConfig {
  const rules: AlertRuleConfig[] = [];
  const add = (env: string | undefined, alerts: Record<string, AlertRuleInput> | undefined, path: ConfigPath) => {
    const order = ctx.keyOrder(path);
    const names = Object.keys(alerts ?? {}).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    for (const name of names) {
      const rule = resolveRule(name, env, (alerts ?? {})[name] as AlertRuleInput, [...path, name], ctx);
      if (rule) rules.push(rule);
    }
  };
  for (const { env, alerts } of input.envAlerts) add(env, alerts, ['environments', env, 'alerts']);
  add(undefined, input.globalAlerts, ['alerts']);
  return {
    evaluationIntervalMs: input.alerting?.evaluation_interval ?? DEFAULT_EVALUATION_INTERVAL_MS,
    watchdog: input.alerting?.watchdog ?? true,
    rules,
    ...resolveHeartbeat(input.alerting?.heartbeat),
  };
}

const DEFAULT_HEARTBEAT_EVERY_MS = 60_000;

/** `alerting.heartbeat` with its defaults, spread into the result only when set. */
function resolveHeartbeat(input: NonNullable<AlertingInput['alerting']>['heartbeat']): Pick<AlertingConfig, 'heartbeat'> {
  if (input === undefined) return {};
  return { heartbeat: { url: input.url, everyMs: input.every ?? DEFAULT_HEARTBEAT_EVERY_MS, method: input.method ?? 'GET' } };
}

function resolveRule(name: string, env: string | undefined, input: AlertRuleInput, path: ConfigPath, ctx: AlertingContext): AlertRuleConfig | undefined {
  const compiled = compileAlertCondition(input, env, ctx.environments, path, ctx.problems);
  // Only a written `expr` has offsets that match the file; a short form's problem is its matchers.
  const exprPath = input.expr !== undefined ? [...path, 'expr'] : input.error_rate !== undefined ? [...path, 'error_rate', 'errors'] : path;
  const expr = compiled === undefined ? undefined : checkExpr(compiled, env, exprPath, ctx.problems, input.expr !== undefined);
  const labels = checkTemplates(name, input.labels ?? {}, [...path, 'labels'], ctx.problems);
  const annotations = checkTemplates(name, input.annotations ?? {}, [...path, 'annotations'], ctx.problems);
  const runbook = input.runbook === undefined ? undefined : checkRunbook(input.runbook, ctx.dir, [...path, 'runbook'], ctx.problems);
  if (expr === undefined || !labels || !annotations || (input.runbook !== undefined && runbook === undefined)) return undefined;
  return {
    name,
    env,
    expr,
    forMs: input.for ?? 0,
    keepFiringForMs: input.keep_firing_for ?? 0,
    severity: input.severity ?? 'high',
    labels: input.labels ?? {},
    annotations: input.annotations ?? {},
    ...(runbook !== undefined ? { runbook } : {}),
  };
}

/** Parses the PromQL (errors point at the character in the file) and scopes it to the environment. */
function checkExpr(text: string, env: string | undefined, path: ConfigPath, problems: ProblemSink, asWritten: boolean): string | undefined {
  try {
    const expr = parseExpr(text);
    return env === undefined ? text : formatExpr(scopeToEnv(expr, env));
  } catch (error) {
    if (!(error instanceof PromqlParseError)) throw error;
    problems.add(path, `invalid PromQL: ${error.message}`, 'value', asWritten ? error.offset : undefined);
    return undefined;
  }
}

function checkTemplates(alert: string, texts: Record<string, string>, path: ConfigPath, problems: ProblemSink): boolean {
  let ok = true;
  for (const [name, text] of Object.entries(texts)) {
    try {
      AlertTemplate.parse(text, alert);
    } catch (error) {
      if (!(error instanceof PromqlParseError)) throw error;
      problems.add([...path, name], `invalid template: ${error.message}; templates look like {{ $labels.probe }} or {{ $value }}`, 'value', error.offset);
      ok = false;
    }
  }
  return ok;
}

/** An http(s) URL as is, or a path relative to the config file that must exist. */
function checkRunbook(runbook: string, dir: string, path: ConfigPath, problems: ProblemSink): string | undefined {
  if (/^https?:\/\//i.test(runbook)) return runbook;
  const file = isAbsolute(runbook) ? runbook : resolvePath(dir, runbook);
  if (existsSync(file)) return file;
  problems.add(path, `runbook file not found: ${file}; create it, fix the path (relative to the config file), or give an http(s) URL`);
  return undefined;
}
