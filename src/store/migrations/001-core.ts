import type { Migration } from './migration.js';

/** Probe states, scheduler bookkeeping, heartbeats and API tokens. */
export const migration001: Migration = {
  id: 1,
  name: 'core',
  async up(db) {
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('probe_state')
      .addColumn('probe_id', 'text', (c) => c.primaryKey())
      .addColumn('env', 'text', (c) => c.notNull())
      .addColumn('probe', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('since_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_run_ms', 'bigint', (c) => c.notNull())
      .addColumn('duration_ms', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('job_state')
      .addColumn('job_id', 'text', (c) => c.primaryKey())
      .addColumn('last_run_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('heartbeat')
      .addColumn('probe_id', 'text', (c) => c.primaryKey())
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('created_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_ping_ms', 'bigint')
      .addColumn('last_start_ms', 'bigint')
      .addColumn('last_kind', 'text')
      .addColumn('last_exit_status', 'integer')
      .execute();
    await db.schema
      .createTable('heartbeat_ping')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('probe_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('exit_status', 'integer')
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('heartbeat_ping_probe_at').on('heartbeat_ping').columns(['probe_id', 'at_ms']).execute();
    await db.schema
      .createTable('api_token')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_used_ms', 'bigint')
      .addColumn('revoked_ms', 'bigint')
      .execute();
  },
};
