import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { bucketStart, rollupBuckets } from './rollup-math.js';
import { type RollupRowInput, writeRollups } from './rollup-writer.js';
import { SampleColumns } from './sample-columns.js';
import { CHUNK_MAX_SPAN_MS } from './series-head.js';
import type { SeriesIndex } from './series-index.js';
import { MINUTE_WATERMARK, readWatermark, writeWatermark } from './watermarks.js';

export const MINUTE_MS = 60_000;
/** A counter sample further than this from the previous one adds no increase. */
export const COUNTER_MAX_GAP_MS = 15 * MINUTE_MS;
/** Minutes computed per read of the raw tier, bounding memory when catching up. */
const SLICE_MS = 60 * MINUTE_MS;

export interface MinuteRollupOptions {
  rollupDelayMs: number;
}

/**
 * Computes the 1-minute buckets that ended at least `rollupDelayMs` ago and are past the
 * watermark, from the stored chunks of every process, then advances the watermark.
 * Each bucket is written once under normal operation; recomputing one is harmless.
 */
export async function rollupMinutes(
  db: Kysely<Database>, index: SeriesIndex, now: number, options: MinuteRollupOptions,
): Promise<void> {
  const until = bucketStart(now - options.rollupDelayMs, MINUTE_MS);
  const watermark = await readWatermark(db, MINUTE_WATERMARK);
  const first = await firstStoredMinute(db);
  if (first === undefined) return;
  // Skip stretches with no raw data left (a long stop, or the first run).
  let from = Math.max(watermark ?? first, first);
  while (from < until) {
    const to = Math.min(until, from + SLICE_MS);
    const rows = await computeSlice(db, index, from, to);
    await db.transaction().execute(async (trx) => {
      await writeRollups(trx, 'tsdb_rollup_1m', rows);
      await writeWatermark(trx, MINUTE_WATERMARK, to);
    });
    from = to;
  }
}

/** A lower bound of the oldest stored sample's minute, read through the end_ms index. */
async function firstStoredMinute(db: Kysely<Database>): Promise<number | undefined> {
  const row = await db.selectFrom('tsdb_chunk').select((eb) => eb.fn.min('end_ms').as('first')).executeTakeFirst();
  return row?.first == null ? undefined : bucketStart(Number(row.first) - CHUNK_MAX_SPAN_MS, MINUTE_MS);
}

async function computeSlice(db: Kysely<Database>, index: SeriesIndex, from: number, to: number): Promise<RollupRowInput[]> {
  const seedFrom = from - COUNTER_MAX_GAP_MS;
  const chunks = await db
    .selectFrom('tsdb_chunk')
    .select(['series_id', 'data'])
    .where('end_ms', '>=', seedFrom)
    // Chunks never span more than CHUNK_MAX_SPAN_MS, which bounds the index range scanned.
    .where('end_ms', '<', to + CHUNK_MAX_SPAN_MS)
    .where('start_ms', '<', to)
    .orderBy('series_id')
    .orderBy('start_ms')
    .execute();
  const rows: RollupRowInput[] = [];
  const cols = new SampleColumns();
  for (let i = 0; i < chunks.length; ) {
    const seriesId = Number(chunks[i]?.series_id);
    cols.clear();
    for (; i < chunks.length && Number(chunks[i]?.series_id) === seriesId; i++) {
      cols.pushChunk((chunks[i] as { data: Uint8Array }).data, seedFrom, to - 1);
    }
    cols.normalize();
    const counter = index.getById(seriesId)?.type === 'counter';
    const spec = { from, to, bucketMs: MINUTE_MS, counter, maxGapMs: COUNTER_MAX_GAP_MS };
    rollupBuckets(cols, spec, (b) => rows.push({ ...b, seriesId }));
  }
  return rows;
}
