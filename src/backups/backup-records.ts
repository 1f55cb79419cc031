import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { BackupRunsTable } from '../store/schema.js';
import type { CheckResult, DrillReport, Progress, VerificationReport } from './backup-service.js';

export type RunOperation = 'backup' | 'verify' | 'restore' | 'drill';
export type RunStatus = 'running' | 'completed' | 'failed' | 'interrupted';

/** One row of `backup_runs`, times in epoch ms. */
export interface RunRecord {
  id: string;
  environment: string;
  database: string;
  operation: RunOperation;
  status: RunStatus;
  startedAt: number;
  endedAt?: number;
  progress?: Progress;
  error?: string;
  holder: string;
}

/**
 * The backup tables of the store (`backup_runs`, `backup_verifications`, `backup_drills`): one
 * statement per change, so the CLI and the daemon can share the store. Repositories hold the
 * backups themselves; these rows say what ran, what failed and what was verified.
 */
export class BackupRecords {
  constructor(readonly db: Kysely<Database>) {}

  async startRun(run: Omit<RunRecord, 'status' | 'endedAt' | 'error'>): Promise<void> {
    await this.db
      .insertInto('backup_runs')
      .values({
        id: run.id, environment: run.environment, database: run.database, operation: run.operation, status: 'running',
        started_at: run.startedAt, ended_at: null, progress: run.progress ? JSON.stringify(run.progress) : null, error: null, holder: run.holder,
      })
      .execute();
  }

  async progress(id: string, progress: Progress): Promise<void> {
    await this.db.updateTable('backup_runs').set({ progress: JSON.stringify(progress) }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  /** Ends a running run; `error` is kept to its first line. */
  async finishRun(id: string, status: Exclude<RunStatus, 'running'>, endedAt: number, error?: string): Promise<void> {
    await this.db
      .updateTable('backup_runs')
      .set({ status, ended_at: endedAt, error: error === undefined ? null : firstLine(error) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  async run(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.selectFrom('backup_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  }

  /** Runs still marked running (some may belong to a process that died), oldest first. */
  async running(): Promise<RunRecord[]> {
    const rows = await this.db.selectFrom('backup_runs').selectAll().where('status', '=', 'running').orderBy('started_at').execute();
    return rows.map(toRun);
  }

  /** Runs of an environment, newest first. */
  async runs(environment: string, options: { operation?: RunOperation; status?: RunStatus; limit?: number } = {}): Promise<RunRecord[]> {
    let query = this.db.selectFrom('backup_runs').selectAll().where('environment', '=', environment);
    if (options.operation) query = query.where('operation', '=', options.operation);
    if (options.status) query = query.where('status', '=', options.status);
    const rows = await query.orderBy('started_at', 'desc').limit(options.limit ?? 100).execute();
    return rows.map(toRun);
  }

  async recordVerification(report: VerificationReport, kind: 'verify' | 'drill' = 'verify'): Promise<void> {
    await this.db
      .insertInto('backup_verifications')
      .values({
        id: `ver_${randomBytes(6).toString('hex')}`, backup_id: report.backupId, environment: report.environment, database: report.database,
        started_at: Date.parse(report.startedAt), ended_at: Date.parse(report.endedAt), passed: report.passed ? 1 : 0,
        restore_ms: report.restoreMs, checks: JSON.stringify(report.checks), kind,
      })
      .execute();
  }

  /** Verifications of one backup, newest first. */
  async verificationsOf(backupId: string): Promise<VerificationReport[]> {
    const rows = await this.db.selectFrom('backup_verifications').selectAll().where('backup_id', '=', backupId).orderBy('started_at', 'desc').execute();
    return rows.map(toVerification);
  }

  /** The newest verification of each backup of an environment, by backup id. */
  async latestVerifications(environment: string): Promise<Map<string, VerificationReport>> {
    const rows = await this.db.selectFrom('backup_verifications').selectAll().where('environment', '=', environment).orderBy('started_at', 'asc').execute();
    return new Map(rows.map((row) => [row.backup_id, toVerification(row)]));
  }

  async recordDrill(report: DrillReport): Promise<void> {
    await this.db
      .insertInto('backup_drills')
      .values({
        id: report.id, environment: report.environment, database: report.database, backup_id: report.backupId,
        started_at: Date.parse(report.startedAt), ended_at: Date.parse(report.endedAt), passed: report.passed ? 1 : 0, report: JSON.stringify(report),
      })
      .execute();
  }

  /** Past drills of an environment, newest first. */
  async drills(environment: string, limit = 20): Promise<DrillReport[]> {
    const rows = await this.db.selectFrom('backup_drills').select('report').where('environment', '=', environment).orderBy('started_at', 'desc').limit(limit).execute();
    return rows.map((row) => JSON.parse(row.report) as DrillReport);
  }
}

function toRun(row: BackupRunsTable): RunRecord {
  return {
    id: row.id, environment: row.environment, database: row.database, operation: row.operation as RunOperation, status: row.status as RunStatus,
    startedAt: Number(row.started_at), ...(row.ended_at === null ? {} : { endedAt: Number(row.ended_at) }),
    ...(row.progress === null ? {} : { progress: JSON.parse(row.progress) as Progress }), ...(row.error === null ? {} : { error: row.error }), holder: row.holder,
  };
}

function toVerification(row: Database['backup_verifications']): VerificationReport {
  return {
    backupId: row.backup_id, environment: row.environment, database: row.database,
    startedAt: new Date(Number(row.started_at)).toISOString(), endedAt: new Date(Number(row.ended_at)).toISOString(),
    passed: Number(row.passed) === 1, restoreMs: Number(row.restore_ms), checks: JSON.parse(row.checks) as CheckResult[],
  };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}
