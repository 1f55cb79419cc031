import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Sample } from '../tsdb.js';
import { batches } from './batches.js';
import { SampleColumns } from './sample-columns.js';
import type { SeriesEntry } from './series-index.js';

/**
 * Raw samples with `from <= t <= to` of each entry: stored chunks of every process that
 * overlap the range, plus this process's head. The head is captured before the store is
 * read, so a flush finishing in between shows samples twice (then de-duplicated), never zero times.
 */
export async function readRaw(
  db: Kysely<Database>, entries: readonly SeriesEntry[], from: number, to: number,
): Promise<Map<SeriesEntry, Sample[]>> {
  const memory = new Map<SeriesEntry, Uint8Array[]>();
  const inMemory = new Set<string>();
  for (const e of entries) {
    for (const c of e.head?.chunks ?? []) {
      inMemory.add(c.id);
      if (c.encoder.count > 0 && c.encoder.lastT >= from && c.encoder.firstT <= to) push(memory, e, c.encoder.bytes());
    }
  }
  const stored = await readStoredChunks(db, entries, from, to, inMemory);
  const cols = new SampleColumns();
  const result = new Map<SeriesEntry, Sample[]>();
  for (const e of entries) {
    cols.clear();
    for (const bytes of stored.get(e) ?? []) cols.pushChunk(bytes, from, to);
    for (const bytes of memory.get(e) ?? []) cols.pushChunk(bytes, from, to);
    cols.normalize();
    result.set(e, cols.toSamples());
  }
  return result;
}

async function readStoredChunks(
  db: Kysely<Database>, entries: readonly SeriesEntry[], from: number, to: number, skip: ReadonlySet<string>,
): Promise<Map<SeriesEntry, Uint8Array[]>> {
  const byId = new Map<number, SeriesEntry>();
  for (const e of entries) if (e.persisted) byId.set(e.id, e);
  const out = new Map<SeriesEntry, Uint8Array[]>();
  for (const ids of batches([...byId.keys()], 500)) {
    const rows = await db
      .selectFrom('tsdb_chunk')
      .select(['id', 'series_id', 'data'])
      .where('series_id', 'in', ids)
      .where('end_ms', '>=', from)
      .where('start_ms', '<=', to)
      .orderBy('start_ms')
      .execute();
    for (const row of rows) {
      const entry = byId.get(Number(row.series_id));
      if (entry && !skip.has(row.id)) push(out, entry, row.data);
    }
  }
  return out;
}

function push(map: Map<SeriesEntry, Uint8Array[]>, entry: SeriesEntry, bytes: Uint8Array): void {
  const list = map.get(entry);
  if (list) list.push(bytes);
  else map.set(entry, [bytes]);
}
