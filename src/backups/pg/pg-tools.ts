/**
 * The PostgreSQL client programs a backup runs, found on `PATH` (or `PG_BINDIR`), with their
 * versions. Every failure is a guardia error: a tool missing or too old is `ClientToolError`
 * (exit 3) naming both versions and how to install the right client; a failed run is
 * `BackupFailedError` with pg's last error lines (no passwords).
 */
export interface PgTools {
  /** Major and full version of each tool, e.g. `{ major: 15, text: '15.10' }`. */
  version(tool: 'pg_dump' | 'pg_dumpall' | 'pg_restore' | 'psql'): Promise<PgToolVersion>;
  /** Throws `ClientToolError` unless pg_dump's major ≥ the server's (`server_version_num`). */
  assertCanDump(serverVersionNum: number): Promise<void>;
  /** Throws `ClientToolError` unless pg_restore can read an archive written by `pg_dump` of that version. */
  assertCanRestore(dumpClientVersion: string): Promise<void>;
  /** `pg_dump -Fd -j N [-Z0] --snapshot … --exclude-table-data …`, reporting each table as it is dumped. */
  dump(options: DumpOptions): Promise<void>;
  /** `pg_dumpall --globals-only`, retried with `--no-role-passwords` when the server refuses reading pg_authid. */
  dumpGlobals(options: { url: string; file: string; signal?: AbortSignal }): Promise<{ rolePasswords: boolean }>;
  /** `pg_restore -Fd -j N --exit-on-error --no-owner? [-t …] -d url dir`, reporting each table as it is restored. */
  restore(options: RestoreRunOptions): Promise<void>;
  /** The entries of a directory archive's table of contents (`pg_restore -l`); needs only `toc.dat`. */
  listArchive(dir: string): Promise<ArchiveEntry[]>;
  /**
   * The session settings and the `COPY … FROM stdin` statement pg_restore would send for each
   * TABLE DATA entry of `ids`, read from `dir`, a scratch folder holding only a copy of
   * `toc.dat` (empty placeholder data files are written into it).
   */
  copyPlan(dir: string, ids: readonly number[]): Promise<CopyPlan>;
  /**
   * The psql command that applies `setup`, then, in one transaction, empties the table and runs
   * `copy` with `FREEZE` and the table's data on its stdin: rows land frozen, so the index builds
   * and the first reads after the restore do not rewrite every page to set hint bits.
   */
  copyInCommand(url: string, setup: readonly string[], copy: string): ProcessCommand;
}

/** A program with its arguments and environment, for a caller that wires its stdin. */
export interface ProcessCommand {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** One line of `pg_restore -l`: its dump id, and the list line itself (for `-L` files). */
export interface ArchiveEntry {
  id: number;
  /** `TABLE DATA`, `SEQUENCE SET`, `BLOBS`, …; only told apart for the data section's entries. */
  tableData: boolean;
  line: string;
}

export interface CopyPlan {
  /** `SET …` statements pg_restore starts a session with. */
  setup: string[];
  /** By dump id: the table and its COPY statement. Entries pg_restore printed nothing for are absent. */
  copies: Map<number, { schema: string; name: string; copy: string }>;
}

export interface PgToolVersion {
  major: number;
  text: string;
}

export interface DumpOptions {
  url: string;
  dir: string;
  jobs: number;
  /** true: `-Z0` (guardia compresses); false: pg_dump's own gzip. */
  uncompressed: boolean;
  /** From `pg_export_snapshot()` of the transaction that counted rows, so counts and dump agree. */
  snapshot?: string;
  excludeTableData: readonly string[];
  signal?: AbortSignal;
  onTable?: (table: { schema: string; name: string }) => void;
  /**
   * A table's data file that pg_dump has finished and closed, relative to `dir` (`3345.dat`, or
   * `3345.dat.gz` with pg_dump's gzip): parallel dumps (`jobs` > 1) report each, so it can be
   * encoded while the rest is still being dumped.
   */
  onDataFile?: (file: string) => void;
}

export interface RestoreRunOptions {
  url: string;
  dir: string;
  jobs: number;
  tables?: readonly string[];
  /** `--section=…`: only that part of the archive. */
  section?: 'pre-data' | 'data' | 'post-data';
  /** `-L FILE`: only the entries listed (with `section`, those of that section). */
  listFile?: string;
  /** `--no-owner --no-privileges`: for a server that may lack the backup's roles (a separate verify server). */
  withoutOwners?: boolean;
  signal?: AbortSignal;
  onTable?: (table: { schema: string; name: string }) => void;
}
