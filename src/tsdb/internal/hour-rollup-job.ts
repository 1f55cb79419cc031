import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { batches } from './batches.js';
import { type RollupBucket, bucketStart, maxOfNumbers, minOfNumbers, startBucket } from './rollup-math.js';
import { RollupRows } from './rollup-rows.js';
import { nanIfNull, writeRollups } from './rollup-writer.js';
import type { SeriesIndex } from './series-index.js';
import { HOUR_WATERMARK, MINUTE_WATERMARK, readWatermark, writeWatermark } from './watermarks.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

export const HOUR_MS = 3_600_000;

/**
 * Computes 1-hour buckets from the 1-minute rows of hours the minute watermark has passed:
 * counts and sums (for counters: increases) add up, min/max fold, `last` is the newest minute's.
 */
export async function rollupHours(db: Kysely<Database>, index: SeriesIndex): Promise<void> {
  const minuteWatermark = await readWatermark(db, MINUTE_WATERMARK);
  if (minuteWatermark === undefined) return;
  const until = bucketStart(minuteWatermark, HOUR_MS);
  const ids = index.storedIds();
  let from = (await readWatermark(db, HOUR_WATERMARK)) ?? (await nextMinuteHour(db, ids, -Infinity)) ?? until;
  while (from < until) {
    const rows = new RollupRows();
    for (const batch of batches(ids, 500)) {
      await yieldToEventLoop();
      await foldHour(db, batch, from, rows);
    }
    let next = from + HOUR_MS;
    // An hour without minute rows: jump to the next one that has some (after a long stop).
    if (rows.length === 0) next = Math.min(until, Math.max(next, (await nextMinuteHour(db, ids, from)) ?? until));
    await db.transaction().execute(async (trx) => {
      await writeRollups(trx, 'tsdb_rollup_1h', rows);
      await writeWatermark(trx, HOUR_WATERMARK, next);
    });
    from = next;
  }
}

/** The hour of the first 1-minute row at or after `after`, looked up through the primary key, series by series. */
async function nextMinuteHour(db: Kysely<Database>, ids: number[], after: number): Promise<number | undefined> {
  let first = Infinity;
  for (const batch of batches(ids, 500)) {
    let query = db
      .selectFrom('tsdb_rollup_1m')
      .select((eb) => eb.fn.min('bucket_ms').as('first'))
      .where('series_id', 'in', batch);
    if (Number.isFinite(after)) query = query.where('bucket_ms', '>=', after);
    const row = await query.executeTakeFirst();
    if (row?.first != null) first = Math.min(first, Number(row.first));
  }
  return Number.isFinite(first) ? bucketStart(first, HOUR_MS) : undefined;
}

/** Adds the hour's bucket of each series that has minute rows in it to `out`. */
async function foldHour(db: Kysely<Database>, seriesIds: number[], hour: number, out: RollupRows): Promise<void> {
  // By series (the primary key's first column), so the 1m table is never scanned by time.
  const minutes = await db
    .selectFrom('tsdb_rollup_1m')
    .selectAll()
    .where('series_id', 'in', seriesIds)
    .where('bucket_ms', '>=', hour)
    .where('bucket_ms', '<', hour + HOUR_MS)
    .orderBy('series_id')
    .orderBy('bucket_ms')
    .execute();
  const current: RollupBucket = { bucketMs: hour, count: 0, sum: 0, min: NaN, max: NaN, last: NaN, lastMs: 0 };
  let seriesId = NaN;
  for (const m of minutes) {
    if (Number(m.series_id) !== seriesId) {
      if (!Number.isNaN(seriesId)) out.push(seriesId, current);
      seriesId = Number(m.series_id);
      startBucket(current, hour);
    }
    const sum = nanIfNull(m.sum);
    current.count += Number(m.count);
    if (!Number.isNaN(sum)) current.sum += sum;
    current.min = minOfNumbers(current.min, nanIfNull(m.min));
    current.max = maxOfNumbers(current.max, nanIfNull(m.max));
    current.last = nanIfNull(m.last);
    current.lastMs = Number(m.last_ms);
  }
  if (!Number.isNaN(seriesId)) out.push(seriesId, current);
}
