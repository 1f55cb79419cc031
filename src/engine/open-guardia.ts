import { AlertService, AlertStateRepository, RuleManager } from '../alerts/index.js';
import { dirname } from 'node:path';
import { backupAlertRules, BackupRecords, BackupSignalPublisher, createBackupService, type LocalBackupService } from '../backups/index.js';
import { VERSION } from '../cli/version.js';
import { liveFeedOf, RecentFailures, TsdbProbeHistory } from '../dashboard/index.js';
import type { Clock } from '../clock/index.js';
import { createRedactor, type ResolvedConfig } from '../config/index.js';
import { EventBus, type GuardiaEvents } from '../events/index.js';
import type { HttpServices } from '../http/index.js';
import { MetricsRegistry } from '../metrics/index.js';
import { createNotifier, NotificationPipeline, SilenceService } from '../notifiers/index.js';
import { ProbeDependencyGate } from '../notifiers/index.js';
import { AckLinks, incidentApi, IncidentLinks, IncidentRepository, IncidentService, IncidentWatcher } from '../incidents/index.js';
import { createProbeRunner, HeartbeatService, type ProbeRunner } from '../probes/index.js';
import { loadProbeStates } from '../probes/index.js';
import { QueryService } from '../query/index.js';
import { StatusPageService } from '../status-page/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { TokenService } from '../tokens/index.js';
import { SessionService, userAccess, UserService } from '../users/index.js';
import { createTsdb, SERIES_LIMIT_METRIC, type Tsdb, type TsdbOptions } from '../tsdb/index.js';
import { summarizeConfig } from './config-summary.js';
import { summarizeEnvironments } from '../dashboard/environments/environment-settings.js';
import { ProbeService } from './probe-service.js';
import { StatusService } from './status-service.js';
import { createReleaseDeps, ReleaseService } from '../releases/index.js';

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
  /** Dashboard browser sessions; the maintenance job purges expired ones. */
  sessions: SessionService;
  metrics: MetricsRegistry;
  /** Alert rule evaluation; `runDaemon` starts it (commands only read alert states). */
  alerts: RuleManager;
  /** Routing, silences, maintenance, inhibition and the outbox; `runDaemon` starts it. */
  notifications: NotificationPipeline;
  silences: SilenceService;
  /** Incidents from firing alerts, escalated through the outbox; `runDaemon` starts it. */
  incidents: IncidentWatcher;
  /** Backups of the environments with `backups:`; `runDaemon` schedules them. Undefined when none has. */
  backups?: { service: LocalBackupService; signals: BackupSignalPublisher };
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
  const sessions = new SessionService(store, clock);
  events.on('probe:result', (result) => metrics.observeProbe(result));
  metrics.collectedCounter(SERIES_LIMIT_METRIC, 'Samples dropped because their target reached its series limit.', ['target'], () =>
    [...tsdb.seriesLimitRejections()].map(([target, count]) => [{ target }, count]),
  );
  // --- backups ---
  const backedUp = config.environments.filter((env) => env.backups !== undefined);
  const backupService = backedUp.length === 0 ? undefined : createBackupService({ config, db: store.db, clock, dataDir: dirname(options.storePath), guardiaVersion: VERSION, events });
  const backupSignals = backupService && new BackupSignalPublisher({
    service: backupService, history: new BackupRecords(store.db), tsdb,
    environments: backedUp.map((env) => ({ name: env.name, databases: (env.backups?.databases ?? []).map((d) => d.name) })),
  });
  backupSignals?.register(metrics.registry);
  // Built-in backup rules join the configured ones; a rule of the same name in the environment replaces one.
  config.alerting.rules.push(...backupAlertRules(config));
  // --- end backups ---
  const alertStates = new AlertStateRepository(store);
  const alerts = new RuleManager({
    config: config.alerting, tsdb, clock, events, repository: alertStates,
    onError: (error, rule) => options.onError?.(new Error(`alert rule ${rule}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })),
  });
  const silences = new SilenceService(store, clock);
  const notifiers = new Map(config.channels.map((channel) => [channel.name, createNotifier(channel.name, channel, { clock })]));
  const listen = config.server.listen ?? { host: '127.0.0.1', port: 4680 };
  // Probe depends_on: registered before the rule manager's listener, so a parent's result is known before alerts on it are evaluated.
  const dependencies = new ProbeDependencyGate(config.environments.flatMap((env) => env.probes), () => loadProbeStates(store));
  events.on('probe:result', (result) => dependencies.observe(result));
  const notifications = new NotificationPipeline({
    dependencies,
    // Incident links (made below: the watcher needs this pipeline's outbox) go into every notification.
    enricher: { annotationsFor: (alerts) => incidentLinks.annotationsFor(alerts) },
    routing: config.routing, store, clock, silences, tsdb,
    notifierFor: (channel) => notifiers.get(channel),
    externalUrl: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${listen.port}`,
    onError: options.onError,
    onDeliveryFailure: (entry, error, dead) =>
      options.onError?.(new Error(`notification to ${entry.channel} ${dead ? 'is dead' : 'failed, will retry'}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })),
  });
  // --- incidents ---
  const incidentRepository = new IncidentRepository(store);
  const incidentService = new IncidentService({ repository: incidentRepository, clock, config: config.incidents, tsdb });
  const ackLinks = new AckLinks(store);
  const incidents = new IncidentWatcher({
    config: config.incidents, repository: incidentRepository, service: incidentService, clock, ackLinks,
    outbox: notifications.outbox,
    deliver: () => void notifications.tick(),
    externalUrl: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${listen.port}`,
    onError: options.onError,
  });
  const incidentLinks: IncidentLinks = new IncidentLinks({
    repository: incidentRepository, ackLinks, settled: (): Promise<void> => incidents.idle(),
    externalUrl: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${listen.port}`,
  });
  // --- end incidents ---
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
  // --- dashboard ---
  const recentFailures = new RecentFailures();
  events.on('probe:result', (result) => recentFailures.observe(result));
  const probeHistory = new TsdbProbeHistory({ tsdb, rawRetentionMs: tsdbOptions.rawRetentionMs, failures: recentFailures, now: () => clock.now() });
  // --- end dashboard ---
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
    users: userAccess(new UserService(store, clock), sessions),
    alerts: new AlertService(alertStates),
    silences,
    outbox: notifications.outbox,
    incidents: incidentApi(incidentService, ackLinks),
    query: new QueryService({ tsdb, now: () => clock.now() }),
    ...(backupService ? { backups: { service: backupService, environments: backedUp.map((env) => env.name) } } : {}),
    // Releases approved over the API run in the daemon; their output lives in each step's recorded tail.
    ...(config.environments.some((env) => env.release !== undefined)
      ? { releases: new ReleaseService(createReleaseDeps({ config, store, clock, runner, heartbeats, notifications, ...(backupService ? { backups: { service: backupService } } : {}), redact, output: () => undefined, baseEnv: process.env, externalUrl: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${listen.port}` })) }
      : {}),
    probeHistory,
    live: liveFeedOf(events),
    ...(config.environments.some((env) => env.statusPage !== undefined)
      ? {
          statusPages: new StatusPageService({
            environments: config.environments, maintenance: config.routing.maintenance, tsdb, now: () => clock.now(),
            probeStatuses: async (env) => (await status.probeViews(env)).map((probe) => ({ name: probe.name, status: probe.status })),
            incidents: { list: () => incidentService.list(), detail: (id) => incidentService.detail(id) },
          }),
        }
      : {}),
    configSummary: () => summarizeConfig(config, redact),
    environmentSettings: () => summarizeEnvironments(config, redact),
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
    sessions,
    metrics,
    alerts,
    notifications,
    silences,
    incidents,
    ...(backupService && backupSignals ? { backups: { service: backupService, signals: backupSignals } } : {}),
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
