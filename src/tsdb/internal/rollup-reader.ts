import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { RollupPoint, RollupTier } from '../tsdb.js';
import { batches } from './batches.js';
import { ROLLUP_TABLES, nanIfNull } from './rollup-writer.js';
import type { SeriesEntry } from './series-entry.js';

/** Rollup buckets of each entry starting in `[from, to]`, oldest first. */
export async function readRollups(
  db: Kysely<Database>, entries: readonly SeriesEntry[], tier: RollupTier, from: number, to: number,
): Promise<Map<SeriesEntry, RollupPoint[]>> {
  const byId = new Map<number, SeriesEntry>();
  for (const e of entries) if (e.persisted) byId.set(e.id, e);
  const out = new Map<SeriesEntry, RollupPoint[]>();
  for (const ids of batches([...byId.keys()], 500)) {
    const rows = await db
      .selectFrom(ROLLUP_TABLES[tier])
      .selectAll()
      .where('series_id', 'in', ids)
      .where('bucket_ms', '>=', from)
      .where('bucket_ms', '<=', to)
      .orderBy('series_id')
      .orderBy('bucket_ms')
      .execute();
    for (const r of rows) {
      const entry = byId.get(Number(r.series_id));
      if (!entry) continue;
      const point: RollupPoint = {
        t: Number(r.bucket_ms), count: Number(r.count), sum: nanIfNull(r.sum),
        min: nanIfNull(r.min), max: nanIfNull(r.max), last: nanIfNull(r.last),
      };
      const list = out.get(entry);
      if (list) list.push(point);
      else out.set(entry, [point]);
    }
  }
  return out;
}
