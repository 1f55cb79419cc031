import { MIGRATIONS_DEFAULTS } from '../config/index.js';
import { connectAppDatabase } from './internal/app-database.js';
import { readHistory } from './internal/history-table.js';
import { readMigrationFiles } from './migration-file.js';
import type { MigrationOptions } from './migration-options.js';
import { planMigrations, type MigrationStatus } from './migration-plan.js';

/** Every migration of `dir` and of the history table, with its state, in version order. Takes no lock and writes nothing. */
export async function migrationStatus(url: string, dir: string, options: Pick<MigrationOptions, 'table'> = {}): Promise<MigrationStatus[]> {
  const files = await readMigrationFiles(dir);
  const db = await connectAppDatabase(url);
  try {
    return planMigrations(files, await readHistory(db, options.table ?? MIGRATIONS_DEFAULTS.table));
  } finally {
    await db.end().catch(() => undefined);
  }
}

/** The migrations `applyMigrations` would apply now (before any `to` limit). */
export async function pendingMigrations(url: string, dir: string, options: Pick<MigrationOptions, 'table'> = {}): Promise<MigrationStatus[]> {
  return (await migrationStatus(url, dir, options)).filter((s) => s.state === 'pending');
}
