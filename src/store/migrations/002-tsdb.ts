import type { Migration } from './migration.js';

/**
 * The time-series tables of `src/tsdb`. Portable across SQLite and PostgreSQL:
 * - epoch-ms and series ids are `bigint` (series ids are random 53-bit integers chosen by
 *   the creating process, so several processes never need a database sequence);
 * - chunk payloads are `bytea`: PostgreSQL's binary type; SQLite accepts the name and,
 *   whatever a column's affinity, stores a blob as a blob;
 * - rollup values are `double precision`, nullable because SQLite turns NaN into NULL.
 */
export const migration002: Migration = {
  id: 2,
  name: 'tsdb',
  async up(db) {
    await db.schema
      .createTable('tsdb_series')
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('help', 'text', (c) => c.notNull())
      .addColumn('created_ms', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('tsdb_series_name_labels_key', ['name', 'labels'])
      .execute();
    await db.schema
      .createTable('tsdb_chunk')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('series_id', 'bigint', (c) => c.notNull())
      .addColumn('start_ms', 'bigint', (c) => c.notNull())
      .addColumn('end_ms', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('data', 'bytea', (c) => c.notNull())
      .execute();
    // Queries select by series and time; rollups and retention select by time alone.
    await db.schema.createIndex('tsdb_chunk_series_end').on('tsdb_chunk').columns(['series_id', 'end_ms']).execute();
    await db.schema.createIndex('tsdb_chunk_end').on('tsdb_chunk').column('end_ms').execute();
    for (const table of ['tsdb_rollup_1m', 'tsdb_rollup_1h']) {
      await db.schema
        .createTable(table)
        .addColumn('series_id', 'bigint', (c) => c.notNull())
        .addColumn('bucket_ms', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('sum', 'double precision')
        .addColumn('min', 'double precision')
        .addColumn('max', 'double precision')
        .addColumn('last', 'double precision')
        .addColumn('last_ms', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pkey`, ['series_id', 'bucket_ms'])
        .execute();
    }
  },
};
