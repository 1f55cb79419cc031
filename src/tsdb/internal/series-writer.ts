import type { Kysely } from 'kysely';
import { UnavailableError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import { batches } from './batches.js';
import { newSeriesId } from './random-ids.js';
import type { SeriesEntry } from './series-entry.js';
import type { FreshSeries, SeriesIndex } from './series-index.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

const ATTEMPTS = 3;

/**
 * Inserts series created in this process, insert-if-absent: when another process inserted
 * the same (name, labels) first, the entry adopts that row's id. Run inside the flush
 * transaction, before the chunks that refer to the ids are written.
 */
export async function persistSeries(db: Kysely<Database>, index: SeriesIndex, fresh: readonly FreshSeries[]): Promise<void> {
  let pending = fresh.filter((f) => !f.entry.persisted);
  for (let attempt = 0; pending.length > 0 && attempt < ATTEMPTS; attempt++) {
    for (const batch of batches(pending, 100)) {
      await yieldToEventLoop();
      await db
        .insertInto('tsdb_series')
        .values(batch.map(({ entry: e, target, createdMs }) => ({
          id: e.id, name: e.name, labels: e.labelsJson, target, type: e.type, help: e.help, created_ms: createdMs,
        })))
        // Either conflict (same name and labels, or a clash of random ids) is resolved below.
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await adoptStoredIds(db, index, pending.map((f) => f.entry));
    pending = pending.filter((f) => !f.entry.persisted);
    // A provisional id is the entry's own business until stored: a clash just draws another.
    for (const f of pending) f.entry.id = newSeriesId();
  }
  if (pending.length > 0) {
    throw new UnavailableError(`could not store ${pending.length} new tsdb series after ${ATTEMPTS} attempts`);
  }
}

async function adoptStoredIds(db: Kysely<Database>, index: SeriesIndex, pending: readonly SeriesEntry[]): Promise<void> {
  for (const batch of batches(pending, 500)) {
    const byId = new Map(batch.map((e) => [e.id, e]));
    const rows = await db.selectFrom('tsdb_series').select(['id', 'name', 'labels']).where('id', 'in', [...byId.keys()]).execute();
    for (const row of rows) {
      const entry = byId.get(Number(row.id));
      if (entry && entry.name === row.name && entry.labelsJson === row.labels) index.adopt(entry, Number(row.id));
    }
  }
  // Usually none are left: these lost the race to another process (or clashed on a random id).
  for (const e of pending) {
    if (e.persisted) continue;
    const row = await db
      .selectFrom('tsdb_series')
      .select('id')
      .where('name', '=', e.name)
      .where('labels', '=', e.labelsJson)
      .executeTakeFirst();
    if (row) index.adopt(e, Number(row.id));
  }
}
