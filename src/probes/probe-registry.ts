import type { ProbeConfig, ProbeKind } from '../config/resolved-config.js';
import { HeartbeatProbe } from './heartbeat/heartbeat-probe.js';
import type { HeartbeatService } from './heartbeat/heartbeat-service.js';
import { HostProbe } from './host/host-probe.js';
import { HttpProbe } from './http/http-probe.js';
import { PostgresProbe } from './postgres/postgres-probe.js';
import type { Probe } from './probe.js';
import { RedisProbe } from './redis/redis-probe.js';
import { ScrapeProbe } from './scrape/scrape-probe.js';
import { SqlProbe } from './sql/sql-probe.js';
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
  postgres: (config) => new PostgresProbe(config.postgres),
  sql: (config) => new SqlProbe(config.sql),
  heartbeat: (config, deps) => new HeartbeatProbe(config, deps.heartbeats),
  redis: (config) => new RedisProbe(config.redis),
  scrape: (config) => new ScrapeProbe(config.scrape, config.env),
  host: (config) => new HostProbe(config.host),
};

/** Builds the probe for a resolved probe config. */
export function createProbe(config: ProbeConfig, deps: ProbeDeps): Probe {
  // TypeScript cannot correlate `config.kind` with the factory's parameter type; the mapped type guarantees it.
  const factory = probeFactories[config.kind] as ProbeFactory<ProbeKind>;
  return factory(config as never, deps);
}
