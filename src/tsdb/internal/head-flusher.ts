import type { Kysely } from 'kysely';
import { RowsStatement, type Database } from '../../store/index.js';
import { batches } from './batches.js';
import type { ChunkSnapshot, SeriesHeads } from './series-heads.js';
import type { SeriesEntry } from './series-entry.js';
import type { SeriesIndex } from './series-index.js';
import { persistSeries } from './series-writer.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

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
export async function flushHeads(
  db: Kysely<Database>, index: SeriesIndex, heads: SeriesHeads, headed: readonly SeriesEntry[],
): Promise<void> {
  const fresh = index.unpersisted();
  const dirty: SeriesEntry[] = [];
  for (const entry of headed) if (heads.hasUnflushed(entry.slot)) dirty.push(entry);
  if (fresh.length === 0 && dirty.length === 0) return;
  // What each committed write covered, without its bytes, which can go after their statement.
  const written: Pick<ChunkSnapshot, 'slot' | 'generation' | 'count'>[] = [];
  await db.transaction().execute(async (trx) => {
    await persistSeries(trx, index, fresh);
    for (const batch of batches(dirty, SERIES_PER_STATEMENT)) {
      await yieldToEventLoop();
      const writes = heads.pendingWrites(batch.map((e) => e.slot));
      if (writes.length === 0) continue;
      await upsertChunks(trx, headed, writes);
      for (const { slot, generation, count } of writes) written.push({ slot, generation, count });
    }
  });
  for (const w of written) heads.written(w);
}

/** The chunk upsert, its SQL compiled once per row count. */
const upsertStatement = new RowsStatement<Database, ChunkRow>(
  (db, rows) => db
    .insertInto('tsdb_chunk')
    .values(rows)
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
      end_ms: eb.ref('excluded.end_ms'), count: eb.ref('excluded.count'), data: eb.ref('excluded.data'),
    }))),
  (rows) => {
    const values: unknown[] = [];
    for (const r of rows) values.push(r.id, r.series_id, r.start_ms, r.end_ms, r.count, r.data);
    return values;
  },
);

function upsertChunks(db: Kysely<Database>, headed: readonly SeriesEntry[], writes: readonly ChunkSnapshot[]): Promise<void> {
  return upsertStatement.execute(db, writes.map((w) => ({
    // A Buffer: drivers such as node-postgres recognise Buffers as binary.
    id: w.id, series_id: (headed[w.slot] as SeriesEntry).id, start_ms: w.startMs, end_ms: w.endMs, count: w.count, data: w.data,
  })));
}

type ChunkRow = { id: string; series_id: number; start_ms: number; end_ms: number; count: number; data: Buffer };
