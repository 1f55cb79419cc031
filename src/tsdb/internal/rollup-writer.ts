import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { RollupTier } from '../tsdb.js';
import { batches } from './batches.js';
import type { RollupBucket } from './rollup-math.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

export type RollupTable = 'tsdb_rollup_1m' | 'tsdb_rollup_1h';

export const ROLLUP_TABLES: Record<RollupTier, RollupTable> = { '1m': 'tsdb_rollup_1m', '1h': 'tsdb_rollup_1h' };

export interface RollupRowInput extends RollupBucket {
  seriesId: number;
}

/**
 * Upserts buckets, replacing what is there: a bucket is computed from every process's
 * stored chunks, so computing it again (two processes running maintenance) gives the same row.
 */
export async function writeRollups(db: Kysely<Database>, table: RollupTable, rows: readonly RollupRowInput[]): Promise<void> {
  for (const batch of batches(rows, 100)) {
    await yieldToEventLoop();
    await db
      .insertInto(table)
      .values(batch.map((r) => ({
        series_id: r.seriesId, bucket_ms: r.bucketMs, count: r.count,
        sum: nullIfNaN(r.sum), min: nullIfNaN(r.min), max: nullIfNaN(r.max), last: nullIfNaN(r.last), last_ms: r.lastMs,
      })))
      .onConflict((oc) => oc.columns(['series_id', 'bucket_ms']).doUpdateSet((eb) => ({
        count: eb.ref('excluded.count'), sum: eb.ref('excluded.sum'), min: eb.ref('excluded.min'),
        max: eb.ref('excluded.max'), last: eb.ref('excluded.last'), last_ms: eb.ref('excluded.last_ms'),
      })))
      .execute();
  }
}

/** SQLite stores NaN as NULL; writing NULL explicitly keeps both backends alike. */
function nullIfNaN(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

/** NULL read back means NaN. */
export function nanIfNull(v: number | string | null): number {
  return v === null ? NaN : Number(v);
}
