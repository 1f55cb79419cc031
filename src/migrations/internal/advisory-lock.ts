import { createHash } from 'node:crypto';
import { LockedError } from '../../errors.js';
import type { AppDatabase } from './app-database.js';

/** The advisory lock key of a history table: the first 8 bytes of its name's sha256, as a signed bigint. */
export function migrationLockKey(table: string): string {
  return createHash('sha256').update(`guardia-migrations:${table}`).digest().readBigInt64BE(0).toString();
}

/** Takes the session's advisory lock without waiting; LockedError when another session holds it. */
export async function tryMigrationLock(db: AppDatabase, table: string): Promise<void> {
  const { rows } = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [migrationLockKey(table)]);
  if (!rows[0]?.locked) throw new LockedError(`another migration holds the lock on ${table}; wait for it to finish, then retry`);
}

/** Releases the lock taken by tryMigrationLock. */
export async function releaseMigrationLock(db: AppDatabase, table: string): Promise<void> {
  await db.query('SELECT pg_advisory_unlock($1::bigint)', [migrationLockKey(table)]);
}
