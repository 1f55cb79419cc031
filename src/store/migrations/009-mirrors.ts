import type { Migration } from './migration.js';

/**
 * Staging mirrors of `src/mirror`: one row per `guardia mirror` (source backup, masking rules,
 * seed files, masked counts, outcome), and the masking key generated for a target environment
 * that configures none, so repeated mirrors give the same fake values. A row still `running`
 * whose holder is gone was interrupted by a crash.
 */
export const migration009: Migration = {
  id: 9,
  name: 'mirrors',
  async up(db) {
    await db.schema
      .createTable('mirrors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('from_env', 'text', (c) => c.notNull())
      .addColumn('to_env', 'text', (c) => c.notNull())
      .addColumn('backup_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('rules', 'text', (c) => c.notNull())
      .addColumn('seed_files', 'text', (c) => c.notNull())
      .addColumn('masked', 'text')
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .addColumn('duration_ms', 'bigint')
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('mirrors_to_env').on('mirrors').columns(['to_env', 'started_at']).execute();
    await db.schema
      .createTable('mirror_keys')
      .addColumn('env', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
