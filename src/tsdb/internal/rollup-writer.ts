import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { RollupTier } from '../tsdb.js';
import type { RollupRows } from './rollup-rows.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

export type RollupTable = 'tsdb_rollup_1m' | 'tsdb_rollup_1h';

/** Rows per upsert: 8 parameters each, far below SQLite's and PostgreSQL's limits. */
const ROWS_PER_STATEMENT = 100;

export const ROLLUP_TABLES: Record<RollupTier, RollupTable> = { '1m': 'tsdb_rollup_1m', '1h': 'tsdb_rollup_1h' };

/**
 * Upserts buckets, replacing what is there: a bucket is computed from every process's
 * stored chunks, so computing it again (two processes running maintenance) gives the same row.
 */
export async function writeRollups(db: Kysely<Database>, table: RollupTable, rows: RollupRows): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await yieldToEventLoop();
    const batch = Array.from({ length: Math.min(ROWS_PER_STATEMENT, rows.length - start) }, (_, i) => rows.row(start + i));
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
