import { Gauge, type Registry } from 'prom-client';
import type { AppendSample, Tsdb } from '../../tsdb/index.js';
import type { RunRecord } from '../backup-records.js';
import type { BackupListing, BackupService, VerificationReport } from '../backup-service.js';
import { backupSignals, BACKUP_SERIES, type DatabaseBackupFacts } from './backup-signals.js';

/** The part of the store's backup records the signals read (`BackupRecords` has it). */
export interface BackupHistory {
  runs(environment: string, options: { operation: 'backup'; limit: number }): Promise<RunRecord[]>;
  latestVerifications(environment: string): Promise<Map<string, VerificationReport>>;
}

export interface BackupSignalPublisherDeps {
  service: Pick<BackupService, 'list'>;
  history: BackupHistory;
  tsdb: Pick<Tsdb, 'append'>;
  /** Each environment with backups and its databases' names. */
  environments: readonly { name: string; databases: readonly string[] }[];
}

/** tsdb target of the backup series (the unit of its series limit). */
export const BACKUP_SIGNALS_TARGET = 'guardia:backups';
const RUNS_READ = 200;

/**
 * Writes the backup series into the tsdb and keeps the latest values for `/metrics`. The
 * listing of each environment comes from its repository, so `refresh()` is called after each
 * operation and on a slow timer; `repeat()` re-writes the last values with a fresh time (and a
 * fresh RPO) so the series never go stale between refreshes.
 */
export class BackupSignalPublisher {
  private facts: DatabaseBackupFacts[] = [];
  private latest: AppendSample[] = [];

  constructor(private readonly deps: BackupSignalPublisherDeps) {}

  /** Re-reads records and listings of every environment, then writes the series at `now`. */
  async refresh(now: number): Promise<void> {
    const facts: DatabaseBackupFacts[] = [];
    for (const env of this.deps.environments) facts.push(...(await this.factsOf(env.name, env.databases)));
    this.facts = facts;
    this.repeat(now);
  }

  /** Writes the last known facts again at `now`. */
  repeat(now: number): void {
    this.latest = this.facts.flatMap((f) => backupSignals(f, now));
    if (this.latest.length > 0) this.deps.tsdb.append(BACKUP_SIGNALS_TARGET, this.latest);
  }

  /** Adds the backup gauges to a prom-client registry (`/metrics`), read from the last written values. */
  register(registry: Registry): void {
    for (const series of Object.values(BACKUP_SERIES)) {
      const samples = () => this.latest.filter((s) => s.name === series.name);
      new Gauge({
        name: series.name,
        help: series.help,
        labelNames: ['env', 'database'],
        registers: [registry],
        collect() {
          this.reset();
          for (const s of samples()) this.set(s.labels, s.v);
        },
      });
    }
  }

  private async factsOf(environment: string, databases: readonly string[]): Promise<DatabaseBackupFacts[]> {
    // An unreachable repository must not hide what the store knows (failures above all).
    const listing = await this.deps.service.list(environment).catch((): BackupListing[] => []);
    const runs = await this.deps.history.runs(environment, { operation: 'backup', limit: RUNS_READ });
    const verifications = [...(await this.deps.history.latestVerifications(environment)).values()];
    return databases.map((database) => {
      const own = runs.filter((r) => r.database === database && r.endedAt !== undefined);
      const checks = verifications.filter((v) => v.database === database);
      return withDefined({
        environment,
        database,
        backups: listing.filter((b) => b.database === database),
        lastSuccessMs: newest(own.filter((r) => r.status === 'completed').map((r) => r.endedAt ?? 0)),
        lastFailureMs: newest(own.filter((r) => r.status === 'failed' || r.status === 'interrupted').map((r) => r.endedAt ?? 0)),
        verifyLastSuccessMs: newest(checks.filter((v) => v.passed).map((v) => Date.parse(v.endedAt))),
        verifyLastFailureMs: newest(checks.filter((v) => !v.passed).map((v) => Date.parse(v.endedAt))),
      });
    });
  }
}

function newest(times: number[]): number | undefined {
  return times.length === 0 ? undefined : Math.max(...times);
}

function withDefined(facts: { [K in keyof DatabaseBackupFacts]: DatabaseBackupFacts[K] | undefined }): DatabaseBackupFacts {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as unknown as DatabaseBackupFacts;
}
