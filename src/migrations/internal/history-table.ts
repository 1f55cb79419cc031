import type { AppDatabase } from './app-database.js';
import { quoteIdent } from './app-database.js';

/** One row of the history table: a migration that was applied. */
export interface HistoryRow {
  version: number;
  name: string;
  sha256: string;
  appliedAt: Date;
  durationMs: number;
}

/** Creates the history table when missing. */
export async function ensureHistoryTable(db: AppDatabase, table: string): Promise<void> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} (version bigint PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL, applied_at timestamptz NOT NULL, duration_ms int NOT NULL)`,
  );
}

/** The applied migrations in version order; none when the table does not exist yet. */
export async function readHistory(db: AppDatabase, table: string): Promise<HistoryRow[]> {
  const exists = await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [quoteIdent(table)]);
  if (!exists.rows[0]?.present) return [];
  const { rows } = await db.query<{ version: string; name: string; sha256: string; applied_at: Date; duration_ms: number }>(
    `SELECT version, name, sha256, applied_at, duration_ms FROM ${quoteIdent(table)} ORDER BY version`,
  );
  return rows.map((r) => ({ version: Number(r.version), name: r.name, sha256: r.sha256, appliedAt: r.applied_at, durationMs: r.duration_ms }));
}

/** Records an applied migration (inside the migration's transaction when it has one). */
export async function recordMigration(db: AppDatabase, table: string, row: HistoryRow): Promise<void> {
  await db.query(`INSERT INTO ${quoteIdent(table)} (version, name, sha256, applied_at, duration_ms) VALUES ($1, $2, $3, $4, $5)`, [
    row.version,
    row.name,
    row.sha256,
    row.appliedAt,
    row.durationMs,
  ]);
}
