import type { Metric } from '../../promql/index.js';
import { labelSetKey } from '../internal/label-set.js';

/** Where an alert stands; `inactive` alerts are resolved ones kept for a while. */
export type AlertState = 'pending' | 'firing' | 'inactive';

/** One alert of an alerting rule: a label set the expression returned, and where it stands. */
export interface Alert {
  /** Identifying labels: the sample's (without `__name__`), the rule's, and `alertname`. */
  labels: Metric;
  annotations: Metric;
  state: AlertState;
  /** The expression's value at the latest evaluation that returned this alert. */
  value: number;
  /** When the alert became pending (ms). */
  activeAt: number;
  firedAt: number | undefined;
  /** Set once a firing alert stops; the alert is kept 15 minutes so receivers learn it resolved. */
  resolvedAt: number | undefined;
  /** Since when a firing alert has been kept firing by `keep_firing_for` without its expression. */
  keepFiringSince: number | undefined;
}

/** What the expression produced for one alert at an evaluation. */
export interface AlertCandidate {
  labels: Metric;
  annotations: Metric;
  value: number;
}

/** Prometheus keeps resolved alerts this long (`resolvedRetention`), re-sending "resolved". */
export const RESOLVED_RETENTION_MS = 15 * 60_000;

/**
 * The alert lifecycle of one alerting rule, as Prometheus 2.42 runs it: new label sets
 * start pending; pending fires once it has lasted `for`; a pending alert that disappears
 * is dropped, a firing one resolves (after `keep_firing_for`, if set) and is kept 15 min.
 * Time is whatever the caller evaluates at: no clock is read here.
 */
export class AlertStateMachine {
  private readonly alerts = new Map<string, Alert>();

  constructor(private readonly timing: { forMs: number; keepFiringForMs: number }) {}

  /**
   * Applies one evaluation at `t` whose expression produced `candidates` (distinct label
   * sets). Returns the alerts now pending or firing, which Prometheus writes as `ALERTS`.
   */
  update(t: number, candidates: readonly AlertCandidate[]): Alert[] {
    const returned = new Set<string>();
    for (const candidate of candidates) {
      const key = labelSetKey(candidate.labels);
      returned.add(key);
      const existing = this.alerts.get(key);
      if (existing && existing.state !== 'inactive') {
        existing.value = candidate.value;
        existing.annotations = candidate.annotations;
        continue;
      }
      this.alerts.set(key, { ...candidate, state: 'pending', activeAt: t, firedAt: undefined, resolvedAt: undefined, keepFiringSince: undefined });
    }
    const active: Alert[] = [];
    for (const [key, alert] of this.alerts) {
      if (returned.has(key)) alert.keepFiringSince = undefined;
      else if (!this.stillFiring(key, alert, t)) continue;
      if (alert.state === 'pending' && t - alert.activeAt >= this.timing.forMs) {
        alert.state = 'firing';
        alert.firedAt = t;
      }
      active.push({ ...alert });
    }
    return active;
  }

  /** Every alert held, resolved ones included (copies). */
  all(): Alert[] {
    return [...this.alerts.values()].map((a) => ({ ...a }));
  }

  /** The alerts currently firing (not resolved), as `promtool test rules` checks them. */
  firing(): Alert[] {
    return this.all().filter((a) => a.state === 'firing' && a.resolvedAt === undefined);
  }

  /** Puts back alerts saved before a restart, so `for` timers and firing alerts carry on where they were. */
  restore(alerts: readonly Alert[]): void {
    for (const alert of alerts) this.alerts.set(labelSetKey(alert.labels), { ...alert });
  }

  /** Forgets every alert (Prometheus does this when a rule exceeds its group's `limit`). */
  clear(): void {
    this.alerts.clear();
  }

  /** For an alert the expression did not return: whether `keep_firing_for` holds it; otherwise resolves or drops it. */
  private stillFiring(key: string, alert: Alert, t: number): boolean {
    let keep = false;
    if (alert.state === 'firing' && this.timing.keepFiringForMs > 0) {
      alert.keepFiringSince ??= t;
      keep = t - alert.keepFiringSince < this.timing.keepFiringForMs;
    }
    if (alert.state === 'pending' || (alert.resolvedAt !== undefined && t - alert.resolvedAt > RESOLVED_RETENTION_MS)) this.alerts.delete(key);
    if (alert.state !== 'inactive' && !keep) {
      alert.state = 'inactive';
      alert.resolvedAt = t;
    }
    return keep;
  }
}
