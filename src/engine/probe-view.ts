import type { ProbeConfig } from '../config/index.js';
import type { ProbeView } from '../http/index.js';
import type { ProbeStatus } from '../probes/index.js';

/** A stored probe state row, as the views need it. */
export interface StoredState {
  status: string;
  reason: string;
  since_ms: number;
  last_run_ms: number;
  duration_ms: number;
}

/** What a probe checks, safe to show: URLs lose their credentials, pushes their token. */
export function probeTarget(probe: ProbeConfig, pushToken?: string): string {
  switch (probe.kind) {
    case 'http':
      return withoutCredentials(probe.http.url);
    case 'tcp':
      return `${probe.tcp.host}:${probe.tcp.port}`;
    case 'heartbeat':
      return pushToken === undefined ? 'push' : `/push/${pushToken}`;
  }
}

export function toProbeView(probe: ProbeConfig, state: StoredState | undefined, pushToken?: string): ProbeView {
  return {
    id: probe.id,
    env: probe.env,
    name: probe.name,
    kind: probe.kind,
    target: probeTarget(probe, pushToken),
    everyMs: probe.everyMs,
    status: state ? (state.status as ProbeStatus) : 'unknown',
    reason: state?.reason ?? 'not run yet',
    since: state ? Number(state.since_ms) : null,
    lastRun: state ? Number(state.last_run_ms) : null,
    durationMs: state ? Number(state.duration_ms) : null,
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
