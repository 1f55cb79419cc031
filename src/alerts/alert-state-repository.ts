import type { Store } from '../store/index.js';
import type { AlertInstance, Severity } from './alert-instance.js';

const STATE_ORDER: Record<AlertInstance['state'], number> = { firing: 0, pending: 1, resolved: 2 };

/** An alert as saved: the instance plus what its state machine needs to resume. */
export interface SavedAlert extends AlertInstance {
  keepFiringSince: number | null;
}

/** Which alerts to list. */
export interface AlertFilter {
  state?: AlertInstance['state'];
  env?: string;
}

/** Reads and writes `alert_state` rows, one per alert fingerprint. */
export class AlertStateRepository {
  constructor(private readonly store: Store) {}

  async save(alert: SavedAlert): Promise<void> {
    const row = {
      fingerprint: alert.fingerprint,
      rule: alert.rule,
      env: alert.env ?? null,
      state: alert.state,
      severity: alert.severity,
      labels: JSON.stringify(alert.labels),
      annotations: JSON.stringify(alert.annotations),
      value: Number.isFinite(alert.value) ? alert.value : null,
      active_ms: alert.activeAt,
      fired_ms: alert.firedAt,
      resolved_ms: alert.resolvedAt,
      keep_firing_since_ms: alert.keepFiringSince,
      updated_ms: alert.updatedAt,
    };
    const { fingerprint: _key, ...update } = row;
    await this.store.db
      .insertInto('alert_state')
      .values(row)
      .onConflict((oc) => oc.column('fingerprint').doUpdateSet(update))
      .execute();
  }

  async delete(fingerprint: string): Promise<void> {
    await this.store.db.deleteFrom('alert_state').where('fingerprint', '=', fingerprint).execute();
  }

  /** Alerts matching `filter`: firing, then pending, then resolved; newest first within each. */
  async list(filter: AlertFilter = {}): Promise<SavedAlert[]> {
    let query = this.store.db.selectFrom('alert_state').selectAll();
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    if (filter.env !== undefined) query = query.where('env', '=', filter.env);
    const rows = await query.orderBy('active_ms', 'desc').orderBy('fingerprint').execute();
    const alerts = rows.map((row): SavedAlert => ({
      fingerprint: row.fingerprint,
      rule: row.rule,
      env: row.env ?? undefined,
      state: row.state as AlertInstance['state'],
      severity: row.severity as Severity,
      labels: JSON.parse(row.labels) as Record<string, string>,
      annotations: JSON.parse(row.annotations) as Record<string, string>,
      value: row.value ?? NaN,
      activeAt: Number(row.active_ms),
      firedAt: row.fired_ms === null ? null : Number(row.fired_ms),
      resolvedAt: row.resolved_ms === null ? null : Number(row.resolved_ms),
      updatedAt: Number(row.updated_ms),
      keepFiringSince: row.keep_firing_since_ms === null ? null : Number(row.keep_firing_since_ms),
    }));
    return alerts.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]);
  }

  /** Drops resolved alerts that resolved before `before` (ms). */
  async pruneResolved(before: number): Promise<void> {
    await this.store.db.deleteFrom('alert_state').where('state', '=', 'resolved').where('resolved_ms', '<', before).execute();
  }
}
