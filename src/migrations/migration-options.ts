import type { Clock } from '../clock/index.js';

/** How migrations are applied; every member has a default (`MIGRATIONS_DEFAULTS`). */
export interface MigrationOptions {
  /** History table (and advisory lock) name. Default `guardia_schema_migrations`. */
  table?: string;
  /** `SET lock_timeout` before each file. Default 5 s. */
  lockTimeoutMs?: number;
  /** `SET statement_timeout` before each file. Default 15 min. */
  statementTimeoutMs?: number;
  /** Times each migration. Default the system clock. */
  clock?: Clock;
}

/** Options of applyMigrations. */
export interface ApplyOptions extends MigrationOptions {
  /** Apply pending migrations up to and including this version only. */
  to?: number;
  /** Called after each migration, e.g. to print progress. */
  onApplied?: (migration: AppliedMigration) => void;
}

/** A migration applied by applyMigrations. */
export interface AppliedMigration {
  version: number;
  name: string;
  file: string;
  durationMs: number;
}
