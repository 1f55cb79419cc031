import { Cron } from 'croner';
import type { BackupListing, BackupService } from '../backups/index.js';
import type { BackupSignalPublisher } from '../backups/signals/backup-signal-publisher.js';
import type { CancelTimer, Clock } from '../clock/index.js';
import type { EnvironmentConfig } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import type { Job } from '../scheduler/index.js';

/** setTimeout holds at most ~24.8 days; longer waits are re-armed in steps of a day. */
const MAX_TIMER_MS = 86_400_000;
const SIGNALS_REPEAT_MS = 60_000;
const SIGNALS_REFRESH_MS = 15 * 60_000;
const FAILED: Record<string, string> = {
  startup: 'recovering interrupted backup runs failed',
  backup: 'scheduled backup failed',
  verify: 'scheduled verification failed',
  drill: 'scheduled drill failed',
};

export interface BackupSchedulesDeps {
  service: BackupService;
  environments: readonly EnvironmentConfig[];
  clock: Clock;
  signals: BackupSignalPublisher;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/**
 * The daemon's backup schedules, read from each environment's `backups:` in its time zone:
 * `schedule` takes a backup and then prunes, `verify.schedule` verifies the newest unverified
 * backup of each database, `drill.schedule` runs a drill. croner only computes the next time;
 * the injected clock waits, so tests move a fake clock. A slot whose previous run of the same
 * kind is still going is skipped; runs missed while the daemon was down are not caught up
 * (the BackupMissed rule reports them).
 */
export class BackupSchedules {
  private readonly timers = new Map<string, CancelTimer>();
  private readonly busy = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();

  constructor(private readonly deps: BackupSchedulesDeps) {}

  /**
   * Arms every schedule, then (in the background, so an unreachable repository does not hold
   * up the daemon) reconciles runs a dead process left and writes the signals once.
   */
  start(): void {
    this.runOnce('startup', async () => {
      await this.deps.service.recoverInterrupted?.();
      await this.refreshSignals();
    });
    for (const env of this.deps.environments) {
      const backups = env.backups;
      if (backups === undefined) continue;
      const tz = backups.timezone;
      if (backups.schedule !== undefined) this.arm(`backup:${env.name}`, backups.schedule, tz, () => this.backup(env.name));
      if (backups.verify.schedule !== undefined) this.arm(`verify:${env.name}`, backups.verify.schedule, tz, () => this.verifyNewest(env));
      if (backups.drill.schedule !== undefined) this.arm(`drill:${env.name}`, backups.drill.schedule, tz, () => this.drill(env.name));
    }
  }

  /** Stops arming, aborts running operations and waits for them to end. */
  async stop(): Promise<void> {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.abort.abort(new Error('guardia is stopping'));
    await Promise.allSettled([...this.busy.values()]);
  }

  /** Scheduler jobs that keep the backup series fresh: re-written every minute, re-read every 15 minutes. */
  signalJobs(): Job[] {
    const { clock, signals, log } = this.deps;
    return [
      { id: 'guardia:backup-signals', everyMs: SIGNALS_REPEAT_MS, jitterMs: 0, deadlineMs: 60_000, run: () => Promise.resolve(signals.repeat(clock.now())) },
      {
        id: 'guardia:backup-signals-refresh', everyMs: SIGNALS_REFRESH_MS, jitterMs: 30_000, deadlineMs: 300_000,
        run: () => this.refreshSignals().catch((error: unknown) => log.error({ err: error }, 'reading backup records failed')),
      },
    ];
  }

  private arm(key: string, expr: string, timezone: string | undefined, work: () => Promise<void>): void {
    const cron = new Cron(expr, { paused: true, ...(timezone !== undefined ? { timezone } : {}) });
    const next = cron.nextRun(new Date(this.deps.clock.now()))?.getTime();
    cron.stop();
    if (next === undefined || this.abort.signal.aborted) return;
    const wait = (due: number) => {
      const ms = Math.min(MAX_TIMER_MS, Math.max(0, due - this.deps.clock.now()));
      this.timers.set(key, this.deps.clock.setTimer(ms, () => {
        if (this.deps.clock.now() < due) return wait(due);
        this.runOnce(key, work);
        this.arm(key, expr, timezone, work);
      }));
    };
    wait(next);
  }

  private runOnce(key: string, work: () => Promise<void>): void {
    if (this.busy.has(key)) {
      this.deps.log.warn({ job: key }, 'previous backup operation still going; skipped this slot');
      return;
    }
    const running = work()
      .catch((error: unknown) => this.deps.log.error({ err: error, job: key }, FAILED[key.split(':')[0] ?? ''] ?? `${key} failed`))
      .finally(() => this.busy.delete(key));
    this.busy.set(key, running);
  }

  private async backup(environment: string): Promise<void> {
    const { service, log } = this.deps;
    try {
      const taken = await service.run(environment, { signal: this.abort.signal });
      log.info({ env: environment, backups: taken.map((b) => `${b.database}/${b.id} ${b.status}`) }, 'backup done');
      const pruned = await service.prune(environment);
      const deleted = pruned.filter((d) => !d.keep).map((d) => d.id);
      if (deleted.length > 0) log.info({ env: environment, deleted }, 'old backups pruned');
    } finally {
      await this.refreshSignals();
    }
  }

  private async verifyNewest(env: EnvironmentConfig): Promise<void> {
    const { service, log } = this.deps;
    try {
      for (const target of newestUnverified(await service.list(env.name), env.backups?.verify.identityFile !== undefined)) {
        const report = await service.verify(env.name, { id: target.id, database: target.database }, { signal: this.abort.signal });
        log.info({ env: env.name, database: target.database, backup: target.id, passed: report.passed }, 'backup verified');
      }
    } finally {
      await this.refreshSignals();
    }
  }

  private async drill(environment: string): Promise<void> {
    try {
      const report = await this.deps.service.drill(environment, { signal: this.abort.signal });
      this.deps.log.info({ env: environment, drill: report.id, passed: report.passed, file: report.reportFile }, 'drill done');
    } finally {
      await this.refreshSignals();
    }
  }

  private async refreshSignals(): Promise<void> {
    await this.deps.signals.refresh(this.deps.clock.now());
  }
}

/**
 * Per database, the newest backup when it is unverified (failed ones stay failed; an older
 * unverified one is superseded). Encrypted backups need the verify identity.
 */
export function newestUnverified(list: readonly BackupListing[], canDecrypt: boolean): BackupListing[] {
  const seen = new Set<string>();
  const out: BackupListing[] = [];
  for (const backup of list) {
    if (seen.has(backup.database)) continue;
    seen.add(backup.database);
    if (backup.status === 'unverified' && (canDecrypt || !backup.encrypted)) out.push(backup);
  }
  return out;
}
