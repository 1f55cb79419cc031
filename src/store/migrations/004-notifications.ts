import type { Migration } from './migration.js';

/**
 * Notification routing state of `src/notifiers`: the durable outbox (one row per
 * notification key and channel, written before sending), silences, and the state of each
 * route group (which alerts it holds, what was last notified) so a restart resumes.
 */
export const migration004: Migration = {
  id: 4,
  name: 'notifications',
  async up(db) {
    await db.schema
      .createTable('notify_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // `<notification key>|<channel>`: the unique constraint is what stops a second process or a restart double-sending.
      .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_ms', 'bigint', (c) => c.notNull())
      .addColumn('claimed_until_ms', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('created_ms', 'bigint', (c) => c.notNull())
      .addColumn('sent_ms', 'bigint')
      .execute();
    await db.schema.createIndex('notify_outbox_due').on('notify_outbox').columns(['status', 'next_attempt_ms']).execute();
    await db.schema
      .createTable('notify_silence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('matchers', 'text', (c) => c.notNull())
      .addColumn('starts_ms', 'bigint', (c) => c.notNull())
      .addColumn('ends_ms', 'bigint', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('created_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('notify_group')
      .addColumn('group_key', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('due_ms', 'bigint')
      .addColumn('updated_ms', 'bigint', (c) => c.notNull())
      .execute();
  },
};
