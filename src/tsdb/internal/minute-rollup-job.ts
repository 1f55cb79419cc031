import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../store/schema.js';
import { batches } from './batches.js';
import { bucketStart, rollupBuckets } from './rollup-math.js';
import { RollupRows } from './rollup-rows.js';
import { writeRollups } from './rollup-writer.js';
import { SampleColumns } from './sample-columns.js';
import { CHUNK_MAX_SPAN_MS } from './series-heads.js';
import type { SeriesIndex } from './series-index.js';
import { MINUTE_WATERMARK, readWatermark, writeWatermark } from './watermarks.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

export const MINUTE_MS = 60_000;
/** A counter sample further than this from the previous one adds no increase. */
export const COUNTER_MAX_GAP_MS = 15 * MINUTE_MS;
/** Minutes computed per read of the raw tier (and per transaction), bounding memory and lock time. */
const SLICE_MS = 15 * MINUTE_MS;
/**
 * Buckets one call computes at most before leaving the rest to the next call, so that a
 * long catch-up (after downtime) does not hold up flushes: about a second of work.
 */
const ROWS_PER_CALL = 100_000;
/** Series whose chunks are read and decoded at once, between two turns of the event loop. */
const SERIES_PER_READ = 500;

export interface MinuteRollupOptions {
  rollupDelayMs: number;
}

/**
 * Computes the 1-minute buckets that ended at least `rollupDelayMs` ago and are past the
 * watermark, from the stored chunks of every process, then advances the watermark.
 * Each bucket is written once under normal operation; recomputing one is harmless.
 * Returns the watermark: buckets before it are computed.
 */
export async function rollupMinutes(
  db: Kysely<Database>, index: SeriesIndex, now: number, options: MinuteRollupOptions,
): Promise<number | undefined> {
  const until = bucketStart(now - options.rollupDelayMs, MINUTE_MS);
  const watermark = await readWatermark(db, MINUTE_WATERMARK);
  let from = Math.max(watermark ?? -Infinity, (await firstStoredMinute(db, watermark)) ?? until);
  for (let written = 0; from < until && written < ROWS_PER_CALL; ) {
    const to = Math.min(until, from + SLICE_MS);
    const rows = await computeSlice(db, index, from, to);
    let next = to;
    // Nothing there: jump over minutes without data (a long stop) instead of walking them.
    if (rows.length === 0) next = Math.min(until, Math.max(to, (await firstStoredMinute(db, to)) ?? until));
    await db.transaction().execute(async (trx) => {
      await writeRollups(trx, 'tsdb_rollup_1m', rows);
      await writeWatermark(trx, MINUTE_WATERMARK, next);
    });
    written += rows.length;
    from = next;
  }
  return from;
}

/**
 * A lower bound of the minute of the oldest sample stored after `after`, read through
 * the end_ms index: a chunk ending at e holds nothing before e - CHUNK_MAX_SPAN_MS.
 */
async function firstStoredMinute(db: Kysely<Database>, after = -Infinity): Promise<number | undefined> {
  let query = db.selectFrom('tsdb_chunk').select((eb) => eb.fn.min('end_ms').as('first'));
  if (Number.isFinite(after)) query = query.where('end_ms', '>=', after);
  const row = await query.executeTakeFirst();
  return row?.first == null ? undefined : bucketStart(Number(row.first) - CHUNK_MAX_SPAN_MS, MINUTE_MS);
}

async function computeSlice(db: Kysely<Database>, index: SeriesIndex, from: number, to: number): Promise<RollupRows> {
  const seedFrom = from - COUNTER_MAX_GAP_MS;
  // The series first, then their chunks a batch at a time: reading every chunk of the
  // slice at once held all their data (and promoted it to the old generation) per minute.
  const ids = await slice(db.selectFrom('tsdb_chunk').select('series_id').distinct(), seedFrom, to).execute();
  const counters = new Set(index.storedIds((e) => e.type === 'counter'));
  const rows = new RollupRows();
  const cols = new SampleColumns();
  for (const batch of batches(ids.map((r) => Number(r.series_id)), SERIES_PER_READ)) {
    await yieldToEventLoop();
    const chunks = await slice(db.selectFrom('tsdb_chunk').select(['series_id', 'data']), seedFrom, to)
      .where('series_id', 'in', batch)
      .orderBy('series_id')
      .orderBy('start_ms')
      .execute();
    for (let i = 0; i < chunks.length; ) {
      const seriesId = Number(chunks[i]?.series_id);
      cols.clear();
      for (; i < chunks.length && Number(chunks[i]?.series_id) === seriesId; i++) {
        cols.pushChunk((chunks[i] as { data: Uint8Array }).data, seedFrom, to - 1);
      }
      cols.normalize();
      const spec = { from, to, bucketMs: MINUTE_MS, counter: counters.has(seriesId), maxGapMs: COUNTER_MAX_GAP_MS };
      rollupBuckets(cols, spec, (b) => rows.push(seriesId, b));
    }
  }
  return rows;
}

/** Chunks that may hold samples of `[seedFrom, to)`. */
function slice<O>(query: SelectQueryBuilder<Database, 'tsdb_chunk', O>, seedFrom: number, to: number) {
  return (
    query
      .where('end_ms', '>=', seedFrom)
      // Chunks never span more than CHUNK_MAX_SPAN_MS, which bounds the index range scanned.
      .where('end_ms', '<', to + CHUNK_MAX_SPAN_MS)
      .where('start_ms', '<', to)
  );
}
