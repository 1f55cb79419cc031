import type { Migration } from './migration.js';

/**
 * Incidents of `src/incidents`: one row per incident with its escalation position (so a
 * restart resumes escalation where it was), the alerts it groups, and its timeline.
 * The one-click acknowledge link's HMAC key lives in `meta` (`incident_ack_key`).
 */
export const migration005: Migration = {
  id: 5,
  name: 'incidents',
  async up(db) {
    await db.schema
      .createTable('incident')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('env', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('runbook', 'text')
      .addColumn('assignee', 'text')
      .addColumn('opened_ms', 'bigint', (c) => c.notNull())
      .addColumn('acked_ms', 'bigint')
      .addColumn('acked_by', 'text')
      .addColumn('resolved_ms', 'bigint')
      .addColumn('resolved_by', 'text')
      .addColumn('escalation_round', 'integer', (c) => c.notNull())
      .addColumn('escalation_step', 'integer', (c) => c.notNull())
      .addColumn('escalation_base_ms', 'bigint', (c) => c.notNull())
      // NULL once escalation has stopped (acknowledged, resolved, or no steps left).
      .addColumn('escalation_due_ms', 'bigint')
      .execute();
    await db.schema.createIndex('incident_status').on('incident').columns(['status', 'opened_ms']).execute();
    await db.schema
      .createTable('incident_alert')
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull())
      .addColumn('annotations', 'text', (c) => c.notNull())
      .addColumn('fired_ms', 'bigint', (c) => c.notNull())
      .addColumn('resolved_ms', 'bigint')
      .addPrimaryKeyConstraint('incident_alert_pk', ['incident_id', 'fingerprint'])
      .execute();
    await db.schema.createIndex('incident_alert_fingerprint').on('incident_alert').column('fingerprint').execute();
    await db.schema
      .createTable('incident_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('data', 'text')
      .execute();
    await db.schema.createIndex('incident_event_incident').on('incident_event').columns(['incident_id', 'at_ms']).execute();
  },
};
