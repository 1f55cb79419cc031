import type { Migration } from './migration.js';

/**
 * Releases of `src/releases`: one row per `guardia release` or `guardia rollback`, holding the
 * config snapshot it ran with, each step's status and output tail, the approvals and why it ended.
 * A row still `running` whose holder is gone was interrupted by a crash.
 */
export const migration008: Migration = {
  id: 8,
  name: 'releases',
  async up(db) {
    await db.schema
      .createTable('releases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('env', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('previous_version', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('initiator', 'text', (c) => c.notNull())
      .addColumn('holder', 'text')
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('approvals', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('started_at', 'bigint')
      .addColumn('ended_at', 'bigint')
      .addColumn('reason', 'text')
      .execute();
    await db.schema.createIndex('releases_env').on('releases').columns(['env', 'created_at']).execute();
    await db.schema.createIndex('releases_status').on('releases').columns(['status']).execute();
  },
};
