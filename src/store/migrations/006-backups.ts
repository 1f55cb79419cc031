import type { Migration } from './migration.js';

/**
 * Backups of `src/backups` and named locks of `src/locks`. `backup_runs` holds every backup,
 * verify, restore and drill while it runs and after (a row still `running` whose holder is gone
 * was interrupted); verifications and drills keep their reports; `locks` is a lease per name
 * shared by every process on this store.
 */
export const migration006: Migration = {
  id: 6,
  name: 'backups',
  async up(db) {
    await db.schema
      .createTable('backup_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('database', 'text', (c) => c.notNull())
      .addColumn('operation', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .addColumn('progress', 'text')
      .addColumn('error', 'text')
      .addColumn('holder', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('backup_runs_status').on('backup_runs').columns(['status', 'started_at']).execute();
    await db.schema.createIndex('backup_runs_env').on('backup_runs').columns(['environment', 'database', 'started_at']).execute();
    await db.schema
      .createTable('backup_verifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('backup_id', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('database', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('restore_ms', 'bigint', (c) => c.notNull())
      .addColumn('checks', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('backup_verifications_backup').on('backup_verifications').columns(['backup_id', 'started_at']).execute();
    await db.schema
      .createTable('backup_drills')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('database', 'text', (c) => c.notNull())
      .addColumn('backup_id', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('backup_drills_env').on('backup_drills').columns(['environment', 'started_at']).execute();
    await db.schema
      .createTable('locks')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('acquired_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
