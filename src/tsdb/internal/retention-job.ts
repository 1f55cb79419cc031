import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { batches } from './batches.js';
import { ROLLUP_TABLES } from './rollup-writer.js';
import type { SeriesIndex } from './series-index.js';

export interface RetentionOptions {
  rawRetentionMs: number;
  minuteRetentionMs: number;
  hourRetentionMs: number;
}

/**
 * Deletes chunks that ended before the raw retention and rollup buckets that started
 * before their tier's. Rollup rows are deleted series by series through the primary key,
 * which spares the large 1-minute table an index on time. Series rows stay.
 */
export async function applyRetention(
  db: Kysely<Database>, index: SeriesIndex, now: number, options: RetentionOptions,
): Promise<void> {
  const ids = [...index.all()].filter((e) => e.persisted).map((e) => e.id);
  const tiers = [
    [ROLLUP_TABLES['1m'], now - options.minuteRetentionMs],
    [ROLLUP_TABLES['1h'], now - options.hourRetentionMs],
  ] as const;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('tsdb_chunk').where('end_ms', '<', now - options.rawRetentionMs).execute();
    for (const [table, cutoff] of tiers) {
      for (const batch of batches(ids, 500)) {
        await trx.deleteFrom(table).where('series_id', 'in', batch).where('bucket_ms', '<', cutoff).execute();
      }
    }
  });
}
