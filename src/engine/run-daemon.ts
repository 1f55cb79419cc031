import type { ListenAddress } from '../config/index.js';
import { RefusedError } from '../errors.js';
import { createApp, isLoopbackHost, startHttpServer } from '../http/index.js';
import type { Logger } from '../logging/index.js';
import { Scheduler, StoreJobStateRepository } from '../scheduler/index.js';
import { BackupSchedules } from './backup-jobs.js';
import { heartbeatJob } from './heartbeat-job.js';
import { maintenanceJobs } from './maintenance-jobs.js';
import type { Guardia } from './open-guardia.js';

/** How often the outbox is swept for rows other processes wrote or a restart left (own work runs on its own timers). */
const NOTIFY_TICK_MS = 5_000;
/** How often escalation is checked for changes other processes made (its own timers cover the rest). */
const INCIDENT_TICK_MS = 15_000;

export interface DaemonOptions {
  listen: ListenAddress;
  /** Stops the daemon when aborted. */
  signal: AbortSignal;
  log: Logger;
  /** Most probe runs at once (default 64). */
  concurrency?: number;
  /** Called once serving, with the URL. */
  onListening?: (url: string) => void;
}

/**
 * `guardia up`: schedules every probe and the store's upkeep, serves HTTP, and runs
 * until the signal aborts; then stops scheduling, drains, flushes and closes.
 */
export async function runDaemon(guardia: Guardia, options: DaemonOptions): Promise<void> {
  const { listen, log } = options;
  const loopback = isLoopbackHost(listen.host);
  if (!loopback && !(await guardia.tokens.anyExist()) && !(await guardia.services.users?.anyExist())) {
    throw new RefusedError(
      `refusing to listen on ${listen.host}:${listen.port} before any API token or dashboard user exists; create one first: guardia token create NAME --role admin`,
    );
  }
  const { clock, events, metrics } = guardia;
  const scheduler = new Scheduler({
    clock,
    events,
    repository: new StoreJobStateRepository(guardia.store),
    concurrency: options.concurrency,
    onPersistError: (error) => log.error({ err: error }, 'saving job run times failed'),
  });
  events.on('job:start', (e) => metrics.observeLag(e.lagMs));
  events.on('job:overlap', (e) => {
    metrics.observeOverlap();
    log.warn({ job: e.jobId }, 'previous run still going; skipped this slot');
  });
  events.on('probe:state', (e) => log.info({ probe: e.probeId, from: e.from, to: e.to, reason: e.reason }, 'probe state changed'));

  for (const env of guardia.config.environments) {
    for (const probe of env.probes) {
      // Heartbeat tokens exist before the first push can arrive, not at the first evaluation.
      if (probe.kind === 'heartbeat') await guardia.heartbeats.ensureToken(probe);
      scheduler.add(guardia.runner.toJob(probe));
    }
  }
  for (const job of maintenanceJobs(guardia, log)) scheduler.add(job);
  // Backups: reconcile runs a dead process left, then arm the cron schedules of backup, verify and drill.
  const backupSchedules = guardia.backups && new BackupSchedules({ ...guardia.backups, environments: guardia.config.environments, clock, log });
  backupSchedules?.start();
  for (const job of backupSchedules?.signalJobs() ?? []) scheduler.add(job);
  // Notifications follow alert events from the first evaluation on; start() resumes saved groups and outbox rows.
  const stopNotifications = await guardia.notifications.start(events);
  scheduler.add({
    id: 'guardia:notifications',
    everyMs: NOTIFY_TICK_MS,
    jitterMs: 0,
    deadlineMs: 60_000,
    run: () => guardia.notifications.tick(),
  });
  // Incidents follow alert events too; start() resumes escalation timers saved in the store.
  const stopIncidents = await guardia.incidents.start(events);
  scheduler.add({ id: 'guardia:incidents', everyMs: INCIDENT_TICK_MS, jitterMs: 0, deadlineMs: 60_000, run: () => guardia.incidents.tick() });
  // Alert rules: restore saved states before the first probe result can arrive.
  await guardia.alerts.start();
  scheduler.add({
    id: 'guardia:alert-rules',
    everyMs: guardia.config.alerting.evaluationIntervalMs,
    jitterMs: 0,
    deadlineMs: 60_000,
    run: () => guardia.alerts.evaluateAll(),
  });
  events.on('alert:state', (a) => log.info({ alert: a.rule, env: a.env, state: a.state, fingerprint: a.fingerprint }, 'alert state changed'));
  // alerting.heartbeat: pings an external dead man's switch while the rule job above keeps finishing.
  const heartbeat = heartbeatJob(guardia, log, 'guardia:alert-rules');
  if (heartbeat) scheduler.add(heartbeat);

  const app = createApp(guardia.services, {
    loopback, redact: guardia.redact, shutdown: options.signal,
    onError: (error) => log.error({ err: error }, 'request failed'),
  });
  const server = await startHttpServer(app, listen);
  await scheduler.start();
  guardia.setReady({ ready: true });
  log.info({ url: server.url, project: guardia.config.project, probes: scheduler.jobIds().length }, 'guardia is up');
  options.onListening?.(server.url);

  await untilAborted(options.signal);
  log.info('stopping');
  guardia.setReady({ ready: false, reason: 'stopping' });
  await scheduler.stop();
  await backupSchedules?.stop();
  await guardia.alerts.stop();
  stopNotifications();
  stopIncidents();
  await guardia.incidents.stop();
  await guardia.notifications.stop();
  await server.close();
  await guardia.close();
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
