import type { ProbeConfig } from '../config/index.js';
import type { ProbeView } from '../http/index.js';
import type { ProbeState } from '../probes/index.js';
import { describeConnectionString } from '../probes/index.js';

/** What a probe checks, safe to show: URLs lose their credentials, pushes their token. */
export function probeTarget(probe: ProbeConfig, pushToken?: string): string {
  switch (probe.kind) {
    case 'http':
      return withoutCredentials(probe.http.url);
    case 'tcp':
      return `${probe.tcp.host}:${probe.tcp.port}`;
    case 'postgres':
      return describeConnectionString(probe.postgres.url);
    case 'sql':
      return describeConnectionString(probe.sql.url);
    case 'heartbeat':
      return pushToken === undefined ? 'push' : `/push/${pushToken}`;
    case 'redis':
      return withoutCredentials(probe.redis.url);
    case 'scrape':
      return withoutCredentials(probe.scrape.url);
    case 'host':
      return 'this host';
  }
}

export function toProbeView(probe: ProbeConfig, state: ProbeState | undefined, pushToken?: string): ProbeView {
  return {
    id: probe.id,
    env: probe.env,
    name: probe.name,
    kind: probe.kind,
    target: probeTarget(probe, pushToken),
    everyMs: probe.everyMs,
    status: state?.status ?? 'unknown',
    reason: state?.reason ?? 'not run yet',
    since: state?.sinceMs ?? null,
    lastRun: state?.lastRunMs ?? null,
    durationMs: state?.durationMs ?? null,
  };
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
