import type { ProblemSink } from '../problems/path-problem.js';
import type { AlertSeverity, IncidentPolicyConfig, IncidentsConfig, IncidentSeverity } from '../resolved-config.js';
import type { ParsedConfig } from '../schema/config-schema.js';

const MINUTE = 60_000;
const SEVERITIES: readonly IncidentSeverity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
/** DESIGN.md's response targets. */
const DEFAULT_RESPOND_MS: Record<IncidentSeverity, number> = { SEV1: 5 * MINUTE, SEV2: 15 * MINUTE, SEV3: 60 * MINUTE, SEV4: 24 * 60 * MINUTE };
const DEFAULT_MAP: Record<AlertSeverity, IncidentSeverity> = { critical: 'SEV1', high: 'SEV2', medium: 'SEV3', low: 'SEV4' };

/** Resolves `incidents:` with DESIGN.md's defaults; checks escalation channels against `channels:`. */
export function resolveIncidents(parsed: ParsedConfig, problems: ProblemSink): IncidentsConfig {
  const raw = parsed.incidents ?? {};
  const channels = new Set(Object.keys(parsed.channels ?? {}));
  const severities = Object.fromEntries(
    SEVERITIES.map((sev): [IncidentSeverity, IncidentPolicyConfig] => {
      const policy = raw.severities?.[sev] ?? {};
      const escalate = (policy.escalate ?? []).map((step, i) => {
        step.notify.forEach((name, j) => {
          if (!channels.has(name)) {
            const path = ['incidents', 'severities', sev, 'escalate', i, 'notify', ...(step.notify.length > 1 ? [j] : [])];
            problems.add(path, `unknown channel "${name}"; define it under channels:`);
          }
        });
        return { afterMs: step.after, notify: step.notify };
      });
      escalate.sort((a, b) => a.afterMs - b.afterMs);
      const resolved: IncidentPolicyConfig = { respondMs: policy.respond ?? DEFAULT_RESPOND_MS[sev], escalate };
      if (policy.repeat !== undefined) {
        if (escalate.length === 0) problems.add(['incidents', 'severities', sev, 'repeat'], 'expected escalation steps to repeat; add "escalate:"');
        resolved.repeatMs = policy.repeat;
      }
      return [sev, resolved];
    }),
  ) as Record<IncidentSeverity, IncidentPolicyConfig>;
  return {
    openOn: (raw.open_on as AlertSeverity[] | undefined) ?? ['critical'],
    correlateMs: raw.correlate ?? 30 * MINUTE,
    autoResolve: raw.auto_resolve ?? true,
    map: { ...DEFAULT_MAP, ...definedOnly(raw.map ?? {}) },
    severities,
  };
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}
