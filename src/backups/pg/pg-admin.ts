import type { ManifestTable } from '../manifest.js';

/**
 * The SQL side of backups, over one connection string (libpq semantics, through the probes'
 * pg driver). Connection failures are `UnavailableError` (exit 3) naming host and database,
 * never the password.
 */
export interface PgAdmin {
  /** `server_version_num`, e.g. 150010. */
  serverVersion(url: string): Promise<number>;
  /**
   * Opens a REPEATABLE READ transaction, exports its snapshot and counts the rows of every
   * table whose data will be dumped (not excluded by `excludeTableData`, as pg_dump matches
   * patterns), then calls `dump(snapshot)` while the transaction stays open, and returns the
   * counts. Counting and dumping run concurrently.
   */
  withSnapshot<T>(url: string, excludeTableData: readonly string[], dump: (snapshot: string) => Promise<T>): Promise<{ result: T; tables: ManifestTable[] }>;
  /** Creates database `name` on the server of `serverUrl` (template0, UTF8). */
  createDatabase(serverUrl: string, name: string): Promise<void>;
  /** Drops it (WITH FORCE); absent is not an error. */
  dropDatabase(serverUrl: string, name: string): Promise<void>;
  /** undefined when the database does not exist; else its size and whether it has user objects. */
  inspect(url: string): Promise<{ sizeBytes: number; empty: boolean } | undefined>;
  /** Row counts of the given tables in the database at `url`. */
  countRows(url: string, tables: readonly { schema: string; name: string }[]): Promise<ManifestTable[]>;
  /** `bt_index_check` on every btree index, creating amcheck when available; `{ skipped }` when it is not. */
  amcheck(url: string): Promise<{ indexes: number; failures: string[] } | { skipped: string }>;
  /** Each statement must return one row whose first column is true. */
  assert(url: string, statements: readonly string[]): Promise<{ sql: string; passed: boolean; detail: string }[]>;
  /** `schema.name` of every table a COPY is loading right now in the database at `url` (`pg_stat_progress_copy`). */
  tablesBeingCopied(url: string): Promise<string[]>;
  /** `url` with its database replaced (keeping host, user, options): for scratch databases. */
  withDatabase(url: string, database: string): string;
}
