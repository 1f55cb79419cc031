import type { Clock } from '../clock/index.js';
import { createRedactor, type ResolvedConfig } from '../config/index.js';
import { EventBus, type GuardiaEvents } from '../events/index.js';
import type { HttpServices } from '../http/index.js';
import { MetricsRegistry } from '../metrics/index.js';
import { createProbeRunner, HeartbeatService, type ProbeRunner } from '../probes/index.js';
import { QueryService } from '../query/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { TokenService } from '../tokens/index.js';
import { createTsdb, SERIES_LIMIT_METRIC, type Tsdb, type TsdbOptions } from '../tsdb/index.js';
import { summarizeConfig } from './config-summary.js';
import { ProbeService } from './probe-service.js';
import { StatusService } from './status-service.js';

/** Everything a command or the daemon works with, opened over one store. */
export interface Guardia {
  config: ResolvedConfig;
  clock: Clock;
  store: Store;
  tsdb: Tsdb;
  events: EventBus<GuardiaEvents>;
  runner: ProbeRunner;
  heartbeats: HeartbeatService;
  tokens: TokenService;
  metrics: MetricsRegistry;
  /** The services the HTTP API and the CLI share. */
  services: HttpServices;
  redact: (text: string) => string;
  /** Sets what `/readyz` answers. */
  setReady(state: { ready: boolean; reason?: string }): void;
  /** Flushes buffered samples and closes the store. */
  close(): Promise<void>;
}

export interface OpenGuardiaOptions {
  config: ResolvedConfig;
  storePath: string;
  clock: Clock;
  tsdb?: Partial<TsdbOptions>;
  onError?: (error: unknown) => void;
}

const RAW_RETENTION_MS = 48 * 3_600_000;

/** Opens the store (applying migrations) and wires the services over it. */
export async function openGuardia(options: OpenGuardiaOptions): Promise<Guardia> {
  const { config, clock } = options;
  const store = await openSqliteStore(options.storePath, { now: () => clock.now() });
  const tsdbOptions = { rawRetentionMs: RAW_RETENTION_MS, ...options.tsdb };
  const tsdb = createTsdb(store, tsdbOptions);
  const events = new EventBus<GuardiaEvents>(options.onError);
  const redact = createRedactor(config.secrets);
  const heartbeats = new HeartbeatService({ store, clock, events });
  const metrics = new MetricsRegistry();
  const runner = createProbeRunner({
    clock, tsdb, store, events, heartbeats, redact,
    expose: (probeId, families) => metrics.exposeFamilies(probeId, families),
  });
  const tokens = new TokenService(store, clock);
  events.on('probe:result', (result) => metrics.observeProbe(result));
  metrics.collectedCounter(SERIES_LIMIT_METRIC, 'Samples dropped because their target reached its series limit.', ['target'], () =>
    [...tsdb.seriesLimitRejections()].map(([target, count]) => [{ target }, count]),
  );
  const status = new StatusService(config, store);
  const probes = new ProbeService({
    config,
    status,
    tsdb,
    runOnce: async (probe) => {
      const result = await runner.runOnce(probe);
      await tsdb.flush();
      return result;
    },
    now: () => clock.now(),
    rawRetentionMs: tsdbOptions.rawRetentionMs,
  });
  let ready: { ready: boolean; reason?: string } = { ready: false, reason: 'starting' };
  const services: HttpServices = {
    project: config.project,
    status: status.status,
    probes: probes.probes,
    heartbeats: {
      recordPing: async (token, kind, exitStatus) => {
        if (!(await heartbeats.findByToken(token))) return false;
        await heartbeats.recordPing(token, kind, exitStatus);
        return true;
      },
    },
    tokens,
    query: new QueryService({ tsdb, now: () => clock.now() }),
    configSummary: () => summarizeConfig(config, redact),
    metrics,
    ready: () => ready,
    now: () => clock.now(),
  };
  return {
    config,
    clock,
    store,
    tsdb,
    events,
    runner,
    heartbeats,
    tokens,
    metrics,
    services,
    redact,
    setReady: (state) => (ready = state),
    async close() {
      await runner.close();
      await tsdb.close();
      await store.close();
    },
  };
}
