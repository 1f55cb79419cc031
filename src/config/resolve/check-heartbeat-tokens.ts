import type { ProblemSink } from '../problems/path-problem.js';
import type { EnvironmentConfig } from '../resolved-config.js';

/** Heartbeat push tokens identify the probe a ping is for, so no two may share one. */
export function checkHeartbeatTokens(environments: readonly EnvironmentConfig[], problems: ProblemSink): void {
  const owners = new Map<string, string>();
  for (const env of environments) {
    for (const probe of env.probes) {
      if (probe.kind !== 'heartbeat' || probe.heartbeat.token === undefined) continue;
      const owner = owners.get(probe.heartbeat.token);
      if (owner === undefined) {
        owners.set(probe.heartbeat.token, probe.id);
        continue;
      }
      // The token itself is a secret: name the other probe, never the value.
      problems.add(['environments', env.name, 'probes', probe.name, 'heartbeat', 'token'], `token is already used by heartbeat ${owner}; each heartbeat needs its own`);
    }
  }
}
