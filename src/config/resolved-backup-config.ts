/**
 * `backups:` of one environment, resolved: defaults applied, paths absolute, durations in
 * milliseconds. The backup domain reads only this shape.
 */
export interface BackupsConfig {
  /** The databases backed up; the environment's `database` unless `databases:` lists others. */
  databases: BackupDatabaseConfig[];
  /** Cron expression of scheduled backups (5 or 6 fields); undefined: only on demand. */
  schedule?: string;
  /** IANA time zone the schedules are read in; undefined: the machine's. */
  timezone?: string;
  /** `pg_dump -j` and `pg_restore -j` (default 2). */
  jobs: number;
  /** `pg_dump --exclude-table-data` patterns, as pg_dump reads them. */
  excludeTableData: string[];
  /** Dump roles and tablespaces with `pg_dumpall --globals-only` (default true). */
  globals: boolean;
  /** Where each backup is copied, in order; at least one. */
  repositories: RepositoryConfig[];
  /** age recipients (`age1…`, `ssh-ed25519 …`); empty: no encryption. */
  encryptTo: string[];
  verify: VerifyConfig;
  keep: RetentionPolicy;
  objectives: { rpoMs?: number; rtoMs?: number };
  drill: DrillConfig;
}

export interface BackupDatabaseConfig {
  /** Name in the repository layout and in series labels, e.g. `app` (default: the URL's database name). */
  name: string;
  /** Connection string (libpq semantics). */
  url: string;
}

export type RepositoryConfig = FileRepositoryConfig | S3RepositoryConfig;

export interface FileRepositoryConfig {
  kind: 'file';
  /** Absolute directory. */
  path: string;
  /** As written, for messages (`file:./backups`). */
  display: string;
}

export interface S3RepositoryConfig {
  kind: 's3';
  bucket: string;
  /** Key prefix without leading or trailing `/`; empty for the bucket's root. */
  prefix: string;
  /** Default `us-east-1`. */
  region: string;
  /** Custom endpoint for S3-compatible stores (MinIO, R2, s3rver…); undefined: AWS. */
  endpoint?: string;
  /** Path-style addressing (`endpoint/bucket/key`); default true when an endpoint is set. */
  pathStyle: boolean;
  /**
   * `when_required`: compute and validate checksums only when the operation needs them — what
   * s3rver and several providers accept; `when_supported`: the SDK's default.
   */
  checksums: 'when_required' | 'when_supported';
  /** As written, for messages (`s3://bucket/prefix`). */
  display: string;
}

export interface VerifyConfig {
  /** Cron of scheduled verification of the newest unverified backup; undefined: after each backup only when `after_backup`. */
  schedule?: string;
  /** Verify each backup right after it is taken (default true). */
  afterBackup: boolean;
  /** Absolute path of the age identity file used by verify, drills and mirrors; undefined: encrypted backups stay unverified. */
  identityFile?: string;
  /** Server for scratch databases (a connection string; its database part is ignored); undefined: the backed-up server. */
  server?: string;
  /** SQL assertions run in the restored database: each must return one row whose first column is true. */
  sql: string[];
  /** Run `bt_index_check` from amcheck on every btree index when the extension is available (default true). */
  amcheck: boolean;
}

export interface RetentionPolicy {
  /** Keep the newest N backups. */
  last?: number;
  /** Keep the newest backup of each of the last N days (wall clock, config time zone). */
  daily?: number;
  weekly?: number;
  monthly?: number;
  /** Never keep fewer than this many verified backups (default 1). */
  minimum: number;
}

export interface DrillConfig {
  /** Cron of scheduled drills; undefined: on demand only. */
  schedule?: string;
  /** Probe names of the environment run once against the restored database (`postgres`/`sql` probes). */
  smoke: string[];
}
