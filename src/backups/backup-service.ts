import type { BackupManifest } from './manifest.js';
import type { RetentionDecision } from './retention/retention.js';

/**
 * What the CLI, the API and the daemon's schedules ask of backups. Works standalone on the
 * store (no daemon needed); operations on one database never overlap (a lock in the store).
 * Failures throw guardia errors: `BackupFailedError` (exit 1), `ClientToolError` and
 * `RepositoryError` (exit 3), `LockedError`, `RefusedError`, `NotFoundError`.
 */
export interface BackupService {
  /** Backs up every database of the environment (or the one named), to every repository. */
  run(environment: string, options?: OperationOptions & { database?: string }): Promise<BackupListing[]>;
  /** Complete backups (manifest present) in the environment's first reachable repository, newest first. */
  list(environment: string, options?: { database?: string }): Promise<BackupListing[]>;
  /** One backup with its manifest and verification history. */
  show(environment: string, id: string): Promise<BackupDetails>;
  /** Re-checks checksums from storage, restores into a scratch database, runs the oracles. */
  verify(environment: string, target: BackupTarget, options?: OperationOptions): Promise<VerificationReport>;
  /** Restores into `to` (created when missing; a non-empty target needs `yes`). */
  restore(environment: string, target: BackupTarget, options: RestoreOptions): Promise<RestoreReport>;
  /** Applies the retention policy; `dryRun` only reports. */
  prune(environment: string, options?: { dryRun?: boolean }): Promise<RetentionDecision[]>;
  /** Disaster-recovery drill: newest backup from the repository into a fresh database, oracles and smoke probes, report. */
  drill(environment: string, options?: OperationOptions): Promise<DrillReport>;
  /** Past drills, newest first. */
  drills(environment: string, options?: { limit?: number }): Promise<DrillReport[]>;
  /** Operations running now (in this process or another one sharing the store). */
  running(): Promise<RunningOperation[]>;
  /**
   * Reconciles operations a dead process left running (marked `interrupted`; a backup's staging
   * folder and partial repository folder removed); returns how many. Run on start by the daemon
   * and before `backup run`. Optional so fakes may omit it.
   */
  recoverInterrupted?(): Promise<number>;
}

export type BackupTarget = { id: string; database?: string } | { latest: true; database?: string };

export interface OperationOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface RestoreOptions extends OperationOptions {
  /** Target connection string. */
  to: string;
  yes?: boolean;
  /** age identity file (else `BACKUP_AGE_IDENTITY_FILE`, else the verify identity). */
  identityFile?: string;
  /** Restore only these tables (`pg_restore -t`). */
  tables?: string[];
  /** Skip ownership and grants (`--no-owner --no-privileges`): objects belong to the connecting role. */
  withoutOwners?: boolean;
}

export interface Progress {
  operation: 'backup' | 'verify' | 'restore' | 'drill';
  environment: string;
  database: string;
  /** e.g. `dump`, `compress`, `upload`, `download`, `restore`, `oracles`. */
  phase: string;
  /** Bytes handled so far in this phase, and the total when known. */
  bytes: number;
  totalBytes?: number;
  /** Tables dumped or restored so far, and the total when known. */
  tables: number;
  totalTables?: number;
}

export interface RunningOperation extends Progress {
  id: string;
  startedAt: string;
  /** Who runs it: `pid@host`. */
  holder: string;
}

export type BackupStatus = 'verified' | 'unverified' | 'failed';

export interface BackupListing {
  id: string;
  environment: string;
  database: string;
  startedAt: string;
  endedAt: string;
  rawBytes: number;
  storedBytes: number;
  encrypted: boolean;
  status: BackupStatus;
  /** Why it is unverified or failed, e.g. "encrypted and no verify identity configured". */
  statusReason?: string;
  verifiedAt?: string;
  /** Measured restore time of the last successful verification. */
  rtoMs?: number;
  /** Repositories holding a complete copy (display form). */
  repositories: string[];
}

export interface BackupDetails extends BackupListing {
  manifest: BackupManifest;
  verifications: VerificationReport[];
  /** A restore command for this backup, as the dashboard shows it. */
  restoreCommand: string;
}

export interface CheckResult {
  /** e.g. `checksums`, `row_count public.bookings`, `amcheck`, `sql #1`, `probe stale_bookings`, `rto`, `rpo`. */
  name: string;
  passed: boolean;
  detail: string;
}

export interface VerificationReport {
  backupId: string;
  environment: string;
  database: string;
  startedAt: string;
  endedAt: string;
  passed: boolean;
  /** Time from the start of the download to a restored database accepting queries. */
  restoreMs: number;
  checks: CheckResult[];
  /** Set when no restore was attempted (encrypted, no verify identity): checksums were checked, the backup stays unverified. */
  unverifiedReason?: string;
}

export interface RestoreReport {
  backupId: string;
  /** Target shown without password: host, port, database. */
  target: string;
  created: boolean;
  /**
   * Whether table data streamed from the repository into the database while downloading
   * (zstd backups of a whole database), rather than being downloaded and decoded first.
   */
  streamed: boolean;
  /** Until every file was downloaded and decoded; when streamed, until every table's data was loaded too. */
  downloadMs: number;
  /** The rest: pg_restore of the whole archive; when streamed, what remained of indexes, constraints and triggers. */
  restoreMs: number;
  totalMs: number;
  /** Roles and tablespaces of the backup (`globals.sql`), kept here and never applied automatically: review, then `psql -f`. */
  globalsFile?: string;
}

export interface DrillReport {
  id: string;
  environment: string;
  database: string;
  backupId: string;
  startedAt: string;
  endedAt: string;
  passed: boolean;
  rtoMs: number;
  rtoObjectiveMs?: number;
  /** Age of the newest backup at drill time. */
  rpoMs: number;
  rpoObjectiveMs?: number;
  checks: CheckResult[];
  /** The report as markdown, as written beside the JSON. */
  markdown: string;
  /** Absolute path of the markdown report when it was written to a file (the JSON sits beside it). */
  reportFile?: string;
}
