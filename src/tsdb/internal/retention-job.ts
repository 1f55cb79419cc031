import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { batches } from './batches.js';
import { COUNTER_MAX_GAP_MS } from './minute-rollup-job.js';
import { ROLLUP_TABLES } from './rollup-writer.js';
import type { SeriesIndex } from './series-index.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

export interface RetentionOptions {
  rawRetentionMs: number;
  minuteRetentionMs: number;
  hourRetentionMs: number;
}

/**
 * Deletes chunks that ended before the raw retention and rollup buckets that started
 * before their tier's. Raw chunks still needed by rollups not computed yet (before
 * `rolledUpTo`, when catching up) are kept. Rollup rows are deleted series by series
 * through the primary key, which spares the large 1-minute table an index on time.
 * Series rows stay.
 */
export async function applyRetention(
  db: Kysely<Database>, index: SeriesIndex, now: number, options: RetentionOptions, rolledUpTo: number | undefined,
): Promise<void> {
  let rawCutoff = now - options.rawRetentionMs;
  if (rolledUpTo !== undefined) rawCutoff = Math.min(rawCutoff, rolledUpTo - COUNTER_MAX_GAP_MS);
  const ids = index.storedIds();
  const tiers = [
    [ROLLUP_TABLES['1m'], now - options.minuteRetentionMs],
    [ROLLUP_TABLES['1h'], now - options.hourRetentionMs],
  ] as const;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('tsdb_chunk').where('end_ms', '<', rawCutoff).execute();
    for (const [table, cutoff] of tiers) {
      for (const batch of batches(ids, 500)) {
        await yieldToEventLoop();
        await trx.deleteFrom(table).where('series_id', 'in', batch).where('bucket_ms', '<', cutoff).execute();
      }
    }
  });
}
