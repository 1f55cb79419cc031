import { randomBytes } from 'node:crypto';
import type { IncidentSeverity } from '../config/index.js';
import type { Store } from '../store/index.js';
import type { IncidentAlertTable, IncidentTable } from '../store/schema.js';
import type { Incident, IncidentAlert, IncidentStatus, TimelineEntry, TimelineKind } from './incident.js';

/** Where an incident's escalation stands. */
export interface EscalationPosition {
  round: number;
  step: number;
  baseMs: number;
  dueMs: number | null;
}

export interface NewIncident {
  title: string;
  severity: IncidentSeverity;
  env: string | undefined;
  runbook: string | null;
  openedAt: number;
  escalation: EscalationPosition;
}

/** The incident tables: one statement per change, so a CLI and the daemon can share the store. */
export class IncidentRepository {
  constructor(readonly store: Store) {}

  async create(incident: NewIncident): Promise<Incident> {
    const id = `inc_${randomBytes(5).toString('hex')}`;
    const { escalation: e } = incident;
    await this.store.db
      .insertInto('incident')
      .values({
        id, title: incident.title, severity: incident.severity, env: incident.env ?? null, status: 'open', runbook: incident.runbook,
        assignee: null, opened_ms: incident.openedAt, acked_ms: null, acked_by: null, resolved_ms: null, resolved_by: null,
        escalation_round: e.round, escalation_step: e.step, escalation_base_ms: e.baseMs, escalation_due_ms: e.dueMs,
      })
      .execute();
    return (await this.get(id)) as Incident;
  }

  async get(id: string): Promise<Incident | undefined> {
    const row = await this.store.db.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toIncident(row);
  }

  /** Newest first; without `status`, the ones not resolved. */
  async list(options: { status?: IncidentStatus | 'all'; limit?: number } = {}): Promise<Incident[]> {
    let query = this.store.db.selectFrom('incident').selectAll().orderBy('opened_ms', 'desc').limit(options.limit ?? 100);
    if (options.status === undefined) query = query.where('status', '!=', 'resolved');
    else if (options.status !== 'all') query = query.where('status', '=', options.status);
    return (await query.execute()).map(toIncident);
  }

  async escalation(id: string): Promise<EscalationPosition | undefined> {
    const row = await this.store.db.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { round: Number(row.escalation_round), step: Number(row.escalation_step), baseMs: Number(row.escalation_base_ms), dueMs: num(row.escalation_due_ms) };
  }

  /** Moves escalation on, only if it still stands where `from` says (another process may have moved it). */
  async moveEscalation(id: string, from: EscalationPosition, to: EscalationPosition): Promise<boolean> {
    const result = await this.store.db
      .updateTable('incident')
      .set({ escalation_round: to.round, escalation_step: to.step, escalation_base_ms: to.baseMs, escalation_due_ms: to.dueMs })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('escalation_round', '=', from.round)
      .where('escalation_step', '=', from.step)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Open incidents whose escalation is due by `now`. */
  async escalationsDue(now: number): Promise<string[]> {
    const rows = await this.store.db.selectFrom('incident').select('id').where('status', '=', 'open').where('escalation_due_ms', '<=', now).execute();
    return rows.map((r) => r.id);
  }

  async nextEscalationAt(): Promise<number | undefined> {
    const row = await this.store.db.selectFrom('incident').select((eb) => eb.fn.min('escalation_due_ms').as('at')).where('status', '=', 'open').executeTakeFirst();
    return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
  }

  /** Sets the acknowledgement once; false when it was acknowledged or resolved before. */
  async acknowledge(id: string, actor: string, now: number): Promise<boolean> {
    const result = await this.store.db
      .updateTable('incident')
      .set({ status: 'acknowledged', acked_ms: now, acked_by: actor, escalation_due_ms: null })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Resolves once; false when it was resolved before. */
  async resolve(id: string, actor: string, now: number): Promise<boolean> {
    const result = await this.store.db
      .updateTable('incident')
      .set({ status: 'resolved', resolved_ms: now, resolved_by: actor, escalation_due_ms: null })
      .where('id', '=', id)
      .where('status', '!=', 'resolved')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async assign(id: string, assignee: string): Promise<void> {
    await this.store.db.updateTable('incident').set({ assignee }).where('id', '=', id).execute();
  }

  /** Incidents not resolved that hold this alert. */
  async openWithAlert(fingerprint: string): Promise<string[]> {
    const rows = await this.store.db
      .selectFrom('incident_alert')
      .innerJoin('incident', 'incident.id', 'incident_alert.incident_id')
      .select('incident.id')
      .where('incident_alert.fingerprint', '=', fingerprint)
      .where('incident.status', '!=', 'resolved')
      .execute();
    return rows.map((r) => r.id);
  }

  /** The newest incident not resolved of this environment (or, for global alerts, holding this rule) opened since `since`. */
  async correlated(env: string | undefined, rule: string, since: number): Promise<Incident | undefined> {
    const base = this.store.db.selectFrom('incident').selectAll('incident').where('incident.status', '!=', 'resolved').where('incident.opened_ms', '>=', since);
    const query =
      env === undefined
        ? base.where('incident.env', 'is', null).where((eb) => eb.exists(eb.selectFrom('incident_alert').select('fingerprint').whereRef('incident_alert.incident_id', '=', 'incident.id').where('incident_alert.rule', '=', rule)))
        : base.where('incident.env', '=', env);
    const row = await query.orderBy('incident.opened_ms', 'desc').executeTakeFirst();
    return row && toIncident(row);
  }

  async putAlert(incidentId: string, alert: IncidentAlert): Promise<void> {
    const row: IncidentAlertTable = {
      incident_id: incidentId, fingerprint: alert.fingerprint, rule: alert.rule, severity: alert.severity, state: alert.state,
      labels: JSON.stringify(alert.labels), annotations: JSON.stringify(alert.annotations), fired_ms: alert.firedAt, resolved_ms: alert.resolvedAt,
    };
    const { incident_id: _id, fingerprint: _fp, ...changes } = row;
    await this.store.db.insertInto('incident_alert').values(row).onConflict((oc) => oc.columns(['incident_id', 'fingerprint']).doUpdateSet(changes)).execute();
  }

  async alerts(incidentId: string): Promise<IncidentAlert[]> {
    const rows = await this.store.db.selectFrom('incident_alert').selectAll().where('incident_id', '=', incidentId).orderBy('fired_ms').execute();
    return rows.map((r) => ({
      fingerprint: r.fingerprint, rule: r.rule, severity: r.severity, state: r.state as IncidentAlert['state'],
      labels: JSON.parse(r.labels) as Record<string, string>, annotations: JSON.parse(r.annotations) as Record<string, string>,
      firedAt: Number(r.fired_ms), resolvedAt: num(r.resolved_ms),
    }));
  }

  async addEvent(incidentId: string, entry: TimelineEntry): Promise<void> {
    await this.store.db
      .insertInto('incident_event')
      .values({
        id: eventId(entry.at), incident_id: incidentId, at_ms: entry.at, kind: entry.kind, actor: entry.actor, text: entry.text,
        data: entry.data === undefined ? null : JSON.stringify(entry.data),
      })
      .execute();
  }

  async events(incidentId: string): Promise<TimelineEntry[]> {
    const rows = await this.store.db.selectFrom('incident_event').selectAll().where('incident_id', '=', incidentId).orderBy('at_ms').orderBy('id').execute();
    return rows.map((r) => ({
      at: Number(r.at_ms), kind: r.kind as TimelineKind, actor: r.actor, text: r.text,
      ...(r.data === null ? {} : { data: JSON.parse(r.data) as Record<string, unknown> }),
    }));
  }
}

let eventSeq = 0;

/** Sorts by time, then by order of writing within one process (ids break ties in the timeline). */
function eventId(at: number): string {
  eventSeq = (eventSeq + 1) % 1_000_000;
  return `ev_${String(at).padStart(15, '0')}_${String(eventSeq).padStart(6, '0')}_${randomBytes(3).toString('hex')}`;
}

function num(value: number | null): number | null {
  return value === null ? null : Number(value);
}

function toIncident(row: IncidentTable): Incident {
  return {
    id: row.id, title: row.title, severity: row.severity as IncidentSeverity, env: row.env ?? undefined, status: row.status as IncidentStatus,
    runbook: row.runbook, assignee: row.assignee, openedAt: Number(row.opened_ms), ackedAt: num(row.acked_ms), ackedBy: row.acked_by,
    resolvedAt: num(row.resolved_ms), resolvedBy: row.resolved_by,
  };
}
