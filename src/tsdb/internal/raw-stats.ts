import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/**
 * Disk cost of one `tsdb_chunk` row beyond its payload, measured on SQLite (dbstat) for
 * 120-sample chunks: the id, series id, times and count columns, record and cell headers,
 * and the entries of the id, (series_id, end_ms) and end_ms indexes. PostgreSQL's row
 * header is larger (~24 bytes more); this is an estimate, not an accounting.
 */
export const CHUNK_ROW_OVERHEAD_BYTES = 110;

export interface RawTierSize {
  series: number;
  chunks: number;
  samples: number;
  payloadBytes: number;
}

/** Counts of the raw tier as stored; `length()` of a blob/bytea is its byte length on both backends. */
export async function readRawTierSize(db: Kysely<Database>): Promise<RawTierSize> {
  const chunks = await db
    .selectFrom('tsdb_chunk')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('chunks'),
      eb.fn.sum<number | string | null>('count').as('samples'),
      eb.fn.sum<number | string | null>(eb.fn('length', ['data'])).as('bytes'),
    ])
    .executeTakeFirstOrThrow();
  const series = await db
    .selectFrom('tsdb_series')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    series: Number(series.n),
    chunks: Number(chunks.chunks),
    samples: Number(chunks.samples ?? 0),
    payloadBytes: Number(chunks.bytes ?? 0),
  };
}
