import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Sample } from '../tsdb.js';
import { batches } from './batches.js';
import { SampleColumns } from './sample-columns.js';
import type { SeriesHeads } from './series-heads.js';
import type { SeriesEntry } from './series-entry.js';

/**
 * Raw samples with `from <= t <= to` of each entry: stored chunks of every process that
 * overlap the range, plus this process's head. The head is captured before the store is
 * read, so a flush finishing in between shows samples twice (then de-duplicated), never zero times.
 * A stored row of a chunk the head holds is skipped: the head's copy is as new or newer.
 */
export async function readRaw(
  db: Kysely<Database>, heads: SeriesHeads, entries: readonly SeriesEntry[], from: number, to: number,
): Promise<Map<SeriesEntry, Sample[]>> {
  const memory = new Map<number, Uint8Array[]>();
  const inMemory = new Set<string>();
  for (const chunk of heads.chunksBetween(entries.map((e) => e.slot), from, to)) {
    inMemory.add(chunk.id);
    push(memory, chunk.slot, chunk.data);
  }
  const stored = await readStoredChunks(db, entries, from, to, inMemory);
  const cols = new SampleColumns();
  const result = new Map<SeriesEntry, Sample[]>();
  for (const e of entries) {
    cols.clear();
    if (e.persisted) for (const bytes of stored.get(e.id) ?? []) cols.pushChunk(bytes, from, to);
    if (e.slot >= 0) for (const bytes of memory.get(e.slot) ?? []) cols.pushChunk(bytes, from, to);
    cols.normalize();
    result.set(e, cols.toSamples());
  }
  return result;
}

/** Stored chunks overlapping the range, by series id. */
async function readStoredChunks(
  db: Kysely<Database>, entries: readonly SeriesEntry[], from: number, to: number, skip: ReadonlySet<string>,
): Promise<Map<number, Uint8Array[]>> {
  const ids: number[] = [];
  for (const e of entries) if (e.persisted) ids.push(e.id);
  const out = new Map<number, Uint8Array[]>();
  for (const batch of batches(ids, 500)) {
    const rows = await db
      .selectFrom('tsdb_chunk')
      .select(['id', 'series_id', 'data'])
      .where('series_id', 'in', batch)
      .where('end_ms', '>=', from)
      .where('start_ms', '<=', to)
      .orderBy('start_ms')
      .execute();
    for (const row of rows) if (!skip.has(row.id)) push(out, Number(row.series_id), row.data);
  }
  return out;
}

function push(map: Map<number, Uint8Array[]>, key: number, bytes: Uint8Array): void {
  const list = map.get(key);
  if (list) list.push(bytes);
  else map.set(key, [bytes]);
}
