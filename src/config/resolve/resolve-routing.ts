import type { ProblemSink } from '../problems/path-problem.js';
import type { AlertSeverity, MaintenanceWindowConfig, RouteConfig, RoutingConfig } from '../resolved-config.js';
import type { ParsedConfig } from '../schema/config-schema.js';
import { normalizeSeverityValue } from '../schema/internal/severity-field.js';
import { checkMaintenanceCron } from '../schema/routing-schema.js';

const MINUTE = 60_000;
const DEFAULT_GROUP_BY = ['alertname', 'env'];

/**
 * Resolves `notify:`, `routes:`, `inhibit:` and `maintenance:`: applies the group timer
 * defaults, appends the default route, and checks what needs the whole file (channels that
 * exist, environments that exist, a window's end after its start, a cron in its time zone).
 */
export function resolveRouting(parsed: ParsedConfig, problems: ProblemSink): RoutingConfig {
  const channels = new Set(Object.keys(parsed.channels ?? {}));
  const envs = new Set(Object.keys(parsed.environments));
  const checkChannels = (list: readonly string[], path: (string | number)[]) =>
    list.forEach((name, i) => {
      if (!channels.has(name)) problems.add([...path, i], `unknown channel "${name}"; define it under channels:`);
    });
  const routes: RouteConfig[] = (parsed.routes ?? []).map((route, i) => {
    checkChannels(route.channels, ['routes', i, 'channels']);
    route.env?.forEach((env, j) => {
      if (!envs.has(env)) problems.add(['routes', i, 'env', ...(route.env && route.env.length > 1 ? [j] : [])], `unknown environment "${env}"`);
    });
    const resolved: RouteConfig = {
      id: `routes[${i}]`,
      match: withSeverityWords(route.match ?? {}),
      matchRe: route.match_re ?? {},
      channels: route.channels,
      continue: route.continue ?? false,
      groupBy: route.group_by ?? DEFAULT_GROUP_BY,
      groupIntervalMs: route.group_interval ?? 5 * MINUTE,
      repeatIntervalMs: route.repeat_interval ?? 240 * MINUTE,
    };
    if (route.severity) resolved.severity = route.severity as AlertSeverity[];
    if (route.env) resolved.env = route.env;
    if (route.group_wait !== undefined) resolved.groupWaitMs = route.group_wait;
    return resolved;
  });
  if (parsed.notify) {
    checkChannels(parsed.notify, ['notify']);
    routes.push({ ...defaultRoute('notify'), channels: parsed.notify });
  }
  const inhibit = (parsed.inhibit ?? []).map((rule) => ({ source: withSeverityWords(rule.source), target: withSeverityWords(rule.target), equal: rule.equal ?? [] }));
  const maintenance = (parsed.maintenance ?? []).flatMap((window, i) => resolveWindow(window, i, envs, problems));
  return { routes, inhibit, maintenance };
}

/** `severity: warning` in a matcher means what alerts carry: `medium` (and `info`, `low`). */
function withSeverityWords<T extends string | string[]>(labels: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = { ...labels };
  const value = out.severity;
  if (value !== undefined) out.severity = (Array.isArray(value) ? value.map(normalizeSeverityValue) : normalizeSeverityValue(value)) as T;
  return out;
}

function defaultRoute(id: string): RouteConfig {
  return { id, match: {}, matchRe: {}, channels: [], continue: false, groupBy: DEFAULT_GROUP_BY, groupIntervalMs: 5 * MINUTE, repeatIntervalMs: 240 * MINUTE };
}

type ParsedWindow = NonNullable<ParsedConfig['maintenance']>[number];

function resolveWindow(window: ParsedWindow, i: number, envs: Set<string>, problems: ProblemSink): MaintenanceWindowConfig[] {
  const path = ['maintenance', i];
  if (window.env !== undefined && !envs.has(window.env)) problems.add([...path, 'env'], `unknown environment "${window.env}"`);
  const base = { name: window.name, match: withSeverityWords(window.match ?? {}), ...(window.env === undefined ? {} : { env: window.env }) };
  if (window.start !== undefined && window.end !== undefined) {
    if (window.end <= window.start) problems.add([...path, 'end'], 'expected the end after the start');
    return [{ ...base, schedule: { kind: 'once', startMs: window.start, endMs: window.end } }];
  }
  if (window.cron === undefined || window.duration === undefined) return [];
  const problem = checkMaintenanceCron(window.cron, window.timezone);
  if (problem) problems.add([...path, 'cron'], problem);
  const schedule = { kind: 'cron' as const, expr: window.cron.trim(), durationMs: window.duration, ...(window.timezone ? { timezone: window.timezone } : {}) };
  return [{ ...base, schedule }];
}
