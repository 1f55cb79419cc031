import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { SeriesIndex } from './series-index.js';

/**
 * Brings the index up to date with `tsdb_series`. Series are never deleted, so a row
 * count above what the index holds means another process added some; only then are
 * the rows read again (a count is cheap, a full read is not).
 */
export async function refreshIndex(db: Kysely<Database>, index: SeriesIndex): Promise<void> {
  const { n } = await db
    .selectFrom('tsdb_series')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(n) <= index.persistedCount) return;
  const rows = await db.selectFrom('tsdb_series').selectAll().execute();
  index.mergeStored(rows);
}
