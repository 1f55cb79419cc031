import type { ProbeConfig, ProbeKind } from '../config/resolved-config.js';
import { HeartbeatProbe } from './heartbeat/heartbeat-probe.js';
import type { HeartbeatService } from './heartbeat/heartbeat-service.js';
import { HttpProbe } from './http/http-probe.js';
import type { Probe } from './probe.js';
import { TcpProbe } from './tcp/tcp-probe.js';

/** Services a probe kind may need besides its own config. */
export interface ProbeDeps {
  heartbeats: HeartbeatService;
}

/** Builds the probe of one kind from its resolved config. */
export type ProbeFactory<K extends ProbeKind> = (config: Extract<ProbeConfig, { kind: K }>, deps: ProbeDeps) => Probe;

/**
 * Every probe kind, by name. A new kind is one folder under `src/probes/` plus one line
 * here; the mapped type makes a kind added to `ProbeConfig` without a factory a type error.
 */
export const probeFactories: { readonly [K in ProbeKind]: ProbeFactory<K> } = {
  http: (config) => new HttpProbe(config.http),
  tcp: (config) => new TcpProbe(config.tcp),
  heartbeat: (config, deps) => new HeartbeatProbe(config, deps.heartbeats),
};

/** Builds the probe for a resolved probe config. */
export function createProbe(config: ProbeConfig, deps: ProbeDeps): Probe {
  // TypeScript cannot correlate `config.kind` with the factory's parameter type; the mapped type guarantees it.
  const factory = probeFactories[config.kind] as ProbeFactory<ProbeKind>;
  return factory(config as never, deps);
}
