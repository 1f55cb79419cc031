import { systemClock } from '../clock/index.js';
import { MIGRATIONS_DEFAULTS } from '../config/index.js';
import { MigrationError } from '../errors.js';
import { tryMigrationLock, releaseMigrationLock } from './internal/advisory-lock.js';
import { connectAppDatabase, type AppDatabase } from './internal/app-database.js';
import { ensureHistoryTable, readHistory, recordMigration } from './internal/history-table.js';
import { parseSql, SqlSyntaxError } from './internal/parse-sql.js';
import { readMigrationFiles, type MigrationFile } from './migration-file.js';
import type { AppliedMigration, ApplyOptions } from './migration-options.js';
import { assertUnchanged, planMigrations } from './migration-plan.js';

/**
 * Applies the pending migrations of `dir` to the database at `url`, in version order
 * (up to `options.to`). Holds an advisory try-lock for the whole run (LockedError at
 * once when another run holds it), refuses to start when an applied file was edited
 * (MigrationError naming it), and sets lock_timeout and statement_timeout before each
 * file. Each transactional file commits together with its history row; a failing one
 * rolls back and stops the run (MigrationError).
 */
export async function applyMigrations(url: string, dir: string, options: ApplyOptions = {}): Promise<{ applied: AppliedMigration[] }> {
  const table = options.table ?? MIGRATIONS_DEFAULTS.table;
  const files = await readMigrationFiles(dir);
  const db = await connectAppDatabase(url);
  try {
    await tryMigrationLock(db, table);
    try {
      await ensureHistoryTable(db, table);
      const statuses = planMigrations(files, await readHistory(db, table));
      assertUnchanged(statuses);
      const pending = new Set(statuses.filter((s) => s.state === 'pending').map((s) => s.version));
      const applied: AppliedMigration[] = [];
      for (const file of files) {
        if (!pending.has(file.version) || (options.to !== undefined && file.version > options.to)) continue;
        const done = await applyOne(db, file, table, options);
        applied.push(done);
        options.onApplied?.(done);
      }
      return { applied };
    } finally {
      await releaseMigrationLock(db, table).catch(() => undefined);
    }
  } finally {
    await db.end().catch(() => undefined);
  }
}

async function applyOne(db: AppDatabase, file: MigrationFile, table: string, options: ApplyOptions): Promise<AppliedMigration> {
  const clock = options.clock ?? systemClock;
  await db.query(`SET lock_timeout = ${Math.round(options.lockTimeoutMs ?? MIGRATIONS_DEFAULTS.lockTimeoutMs)}`);
  await db.query(`SET statement_timeout = ${Math.round(options.statementTimeoutMs ?? MIGRATIONS_DEFAULTS.statementTimeoutMs)}`);
  const started = clock.now();
  const row = () => ({ version: file.version, name: file.name, sha256: file.sha256, appliedAt: new Date(clock.now()), durationMs: clock.now() - started });
  if (file.transactional) {
    await db.query('BEGIN');
    try {
      await db.query(file.sql);
      await recordMigration(db, table, row());
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw new MigrationError(`${file.file} failed and was rolled back: ${(error as Error).message}`, { cause: error });
    }
  } else {
    await runStatements(db, file);
    await recordMigration(db, table, row());
  }
  return { version: file.version, name: file.name, file: file.file, durationMs: clock.now() - started };
}

/** Runs a no-transaction file one statement at a time: a multi-statement query would be one implicit transaction. */
async function runStatements(db: AppDatabase, file: MigrationFile): Promise<void> {
  const statements = await parseSql(file.sql).catch((error: unknown) => {
    if (error instanceof SqlSyntaxError) throw new MigrationError(`${file.file}:${error.line}: ${error.message}`, { cause: error });
    throw error;
  });
  for (const statement of statements) {
    try {
      await db.query(statement.text);
    } catch (error) {
      throw new MigrationError(
        `${file.file}:${statement.line} failed: ${(error as Error).message}; the file runs without a transaction, so the statements before line ${statement.line} stay applied`,
        { cause: error },
      );
    }
  }
}
