import type { Kysely } from 'kysely';
import { UnavailableError } from '../errors.js';
import type { Migration } from './migrations/index.js';

/**
 * Applies pending migrations, each in its own transaction, recording them in
 * `guardia_migration`. A store written by a newer guardia (unknown migration ids)
 * is refused rather than silently used.
 */
export async function runMigrations(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migration table is not part of the typed schema
  db: Kysely<any>,
  migrations: readonly Migration[],
  location: string,
  now: () => number,
): Promise<void> {
  await db.schema
    .createTable('guardia_migration')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_ms', 'bigint', (c) => c.notNull())
    .execute();
  const applied = await db.selectFrom('guardia_migration').select(['id']).execute();
  const appliedIds = new Set(applied.map((row: { id: number }) => Number(row.id)));
  const newest = Math.max(0, ...migrations.map((m) => m.id));
  const unknown = [...appliedIds].filter((id) => id > newest);
  if (unknown.length > 0) {
    throw new UnavailableError(
      `store ${location} was written by a newer guardia (migration ${Math.max(...unknown)}); upgrade guardia`,
    );
  }
  for (const migration of migrations) {
    if (appliedIds.has(migration.id)) continue;
    await db.transaction().execute(async (trx) => {
      // Another process may have applied it since we looked (two guardia commands starting at once).
      const done = await trx.selectFrom('guardia_migration').select('id').where('id', '=', migration.id).executeTakeFirst();
      if (done) return;
      await migration.up(trx);
      await trx
        .insertInto('guardia_migration')
        .values({ id: migration.id, name: migration.name, applied_ms: now() })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    });
  }
}
