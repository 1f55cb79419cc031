import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { batches } from './batches.js';
import type { ChunkWrite } from './series-head.js';
import type { SeriesEntry, SeriesIndex } from './series-index.js';
import { persistSeries } from './series-writer.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

interface PendingWrite {
  entry: SeriesEntry;
  write: ChunkWrite;
}

/** What a committed flush tells each head: this chunk is stored up to `count` samples. */
interface Written {
  entry: SeriesEntry;
  chunk: ChunkWrite['chunk'];
  count: number;
}

/** Series per upsert statement (a series writes one chunk row, two when its chunk was just sealed). */
const SERIES_PER_STATEMENT = 200;

/**
 * Writes every new series and every chunk with unflushed samples in one transaction.
 * A chunk row is upserted by its id, so the open chunk is rewritten on each flush and a
 * crash loses at most the samples since the last flush. Appends may go on meanwhile, as
 * the event loop runs between statements: each statement writes a snapshot of its chunks
 * taken just before it, and the heads learn what was stored once the transaction commits.
 * Rows are built statement by statement, so a large flush keeps little alive at a time.
 */
export async function flushHeads(db: Kysely<Database>, index: SeriesIndex, active: Set<SeriesEntry>): Promise<void> {
  const fresh = index.unpersisted();
  const dirty: SeriesEntry[] = [];
  for (const entry of active) if (entry.head && entry.head.buffered > 0) dirty.push(entry);
  if (fresh.length === 0 && dirty.length === 0) return;
  const written: Written[] = [];
  await db.transaction().execute(async (trx) => {
    await persistSeries(trx, index, fresh);
    for (const batch of batches(dirty, SERIES_PER_STATEMENT)) {
      await yieldToEventLoop();
      const pending: PendingWrite[] = [];
      for (const entry of batch) for (const write of entry.head?.pendingWrites() ?? []) pending.push({ entry, write });
      if (pending.length === 0) continue;
      await upsertChunks(trx, pending);
      for (const { entry, write } of pending) written.push({ entry, chunk: write.chunk, count: write.count });
    }
  });
  for (const w of written) w.entry.head?.written(w);
  for (const entry of active) if (!entry.head?.chunks.length) active.delete(entry);
}

async function upsertChunks(db: Kysely<Database>, batch: readonly PendingWrite[]): Promise<void> {
  await db
    .insertInto('tsdb_chunk')
    .values(batch.map(({ entry, write }) => ({
      id: write.chunk.id, series_id: entry.id, start_ms: write.startMs, end_ms: write.endMs, count: write.count,
      // A Buffer view (no copy): drivers such as node-postgres recognise Buffers as binary.
      data: Buffer.from(write.data.buffer, write.data.byteOffset, write.data.byteLength),
    })))
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
      end_ms: eb.ref('excluded.end_ms'), count: eb.ref('excluded.count'), data: eb.ref('excluded.data'),
    })))
    .execute();
}
