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

/**
 * Writes every new series and every chunk with unflushed samples in one transaction.
 * A chunk row is upserted by its id, so the open chunk is rewritten on each flush and a
 * crash loses at most the samples since the last flush. Appends may go on meanwhile
 * (the event loop runs between statements): what is written is a snapshot taken before
 * the first statement.
 */
export async function flushHeads(db: Kysely<Database>, index: SeriesIndex, active: Set<SeriesEntry>): Promise<void> {
  const fresh = index.unpersisted();
  const pending: PendingWrite[] = [];
  for (const entry of active) for (const write of entry.head?.pendingWrites() ?? []) pending.push({ entry, write });
  if (fresh.length === 0 && pending.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await persistSeries(trx, index, fresh);
    for (const batch of batches(pending, 200)) {
      await yieldToEventLoop();
      await upsertChunks(trx, batch);
    }
  });
  for (const { entry, write } of pending) entry.head?.written(write);
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
