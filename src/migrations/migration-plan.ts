import { MigrationError } from '../errors.js';
import type { HistoryRow } from './internal/history-table.js';
import type { MigrationFile } from './migration-file.js';

/** `applied`; `pending`; `changed` (applied, but the file's sha256 differs); `missing` (applied, file gone). */
export type MigrationState = 'applied' | 'pending' | 'changed' | 'missing';

/** One migration as `guardia migrate status` shows it. */
export interface MigrationStatus {
  version: number;
  name: string;
  /** Base name of the file; absent for a `missing` migration. */
  file?: string;
  state: MigrationState;
  transactional?: boolean;
  /** When it was applied (ISO 8601), for applied, changed and missing ones. */
  appliedAt?: string;
  durationMs?: number;
}

/** Joins files and history, in version order. */
export function planMigrations(files: MigrationFile[], history: HistoryRow[]): MigrationStatus[] {
  const applied = new Map(history.map((row) => [row.version, row]));
  const statuses: MigrationStatus[] = files.map((f) => {
    const row = applied.get(f.version);
    const base = { version: f.version, name: f.name, file: f.file, transactional: f.transactional };
    if (!row) return { ...base, state: 'pending' };
    return { ...base, state: row.sha256 === f.sha256 ? 'applied' : 'changed', appliedAt: row.appliedAt.toISOString(), durationMs: row.durationMs };
  });
  const onDisk = new Set(files.map((f) => f.version));
  for (const row of history) {
    if (!onDisk.has(row.version)) statuses.push({ version: row.version, name: row.name, state: 'missing', appliedAt: row.appliedAt.toISOString(), durationMs: row.durationMs });
  }
  return statuses.sort((a, b) => a.version - b.version);
}

/** MigrationError naming every applied file that was edited since. */
export function assertUnchanged(statuses: MigrationStatus[]): void {
  const changed = statuses.filter((s) => s.state === 'changed').map((s) => s.file);
  if (changed.length > 0) {
    throw new MigrationError(`applied migration ${changed.join(', ')} was edited after it was applied (sha256 differs); restore it and put the change in a new migration`);
  }
}
