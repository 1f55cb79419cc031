import type { Migration } from './migration.js';

/** Alert states, so a restart resumes `for` timers and never re-announces a firing alert. */
export const migration003: Migration = {
  id: 3,
  name: 'alerts',
  async up(db) {
    await db.schema
      .createTable('alert_state')
      .addColumn('fingerprint', 'text', (c) => c.primaryKey())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('env', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull())
      .addColumn('annotations', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('active_ms', 'bigint', (c) => c.notNull())
      .addColumn('fired_ms', 'bigint')
      .addColumn('resolved_ms', 'bigint')
      .addColumn('keep_firing_since_ms', 'bigint')
      .addColumn('updated_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alert_state_rule').on('alert_state').columns(['rule', 'env']).execute();
  },
};
