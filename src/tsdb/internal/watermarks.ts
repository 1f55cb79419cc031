import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/** `meta` keys: rollup buckets starting before the watermark are computed. */
export const MINUTE_WATERMARK = 'tsdb.rollup_1m.watermark_ms';
export const HOUR_WATERMARK = 'tsdb.rollup_1h.watermark_ms';

export async function readWatermark(db: Kysely<Database>, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : Number(row.value);
}

export async function writeWatermark(db: Kysely<Database>, key: string, value: number): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value: String(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
    .execute();
}
