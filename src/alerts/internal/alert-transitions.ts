import type { AlertRuleConfig } from '../../config/index.js';
import type { Alert } from '../../rules/index.js';
import type { AlertInstance } from '../alert-instance.js';
import { alertFingerprint } from '../alert-fingerprint.js';
import type { SavedAlert } from '../alert-state-repository.js';

/** What one evaluation changed: rows to save, rows to drop, and transitions to publish. */
export interface AlertChanges {
  save: SavedAlert[];
  drop: string[];
  publish: AlertInstance[];
}

/** The saved form of a state machine's alert. */
export function toSavedAlert(rule: AlertRuleConfig, alert: Alert, t: number): SavedAlert {
  const labels = { ...alert.labels };
  const annotations = { ...alert.annotations };
  if (rule.runbook !== undefined) annotations.runbook = rule.runbook;
  return {
    fingerprint: alertFingerprint(labels),
    rule: rule.name,
    env: rule.env,
    state: alert.state === 'inactive' ? 'resolved' : alert.state,
    severity: rule.severity,
    labels,
    annotations,
    value: alert.value,
    activeAt: alert.activeAt,
    firedAt: alert.firedAt ?? null,
    resolvedAt: alert.resolvedAt ?? null,
    updatedAt: t,
    keepFiringSince: alert.keepFiringSince ?? null,
  };
}

/** The state machine's form of a saved alert (after a restart). */
export function toMachineAlert(saved: SavedAlert): Alert {
  return {
    labels: saved.labels,
    annotations: Object.fromEntries(Object.entries(saved.annotations).filter(([name]) => name !== 'runbook')),
    state: saved.state === 'resolved' ? 'inactive' : saved.state,
    value: saved.value,
    activeAt: saved.activeAt,
    firedAt: saved.firedAt ?? undefined,
    resolvedAt: saved.resolvedAt ?? undefined,
    keepFiringSince: saved.keepFiringSince ?? undefined,
  };
}

/** Drops the restart-only field: what the API and events carry. */
export function toInstance(saved: SavedAlert): AlertInstance {
  const { keepFiringSince: _internal, ...instance } = saved;
  return instance;
}

/**
 * Compares a rule's alerts after an evaluation with what was known before: a new or
 * re-activated alert is `pending` (or `firing` at once without `for`), pending → firing,
 * active → resolved, and a pending alert that vanished is published `resolved` with
 * `firedAt: null`. Resolved alerts the machine has forgotten (after 15 min) are dropped.
 */
export function diffAlerts(known: ReadonlyMap<string, SavedAlert>, now: readonly SavedAlert[], t: number): AlertChanges {
  const changes: AlertChanges = { save: [], drop: [], publish: [] };
  const seen = new Set<string>();
  for (const alert of now) {
    seen.add(alert.fingerprint);
    const before = known.get(alert.fingerprint);
    const moved = before === undefined || before.state !== alert.state || (before.activeAt !== alert.activeAt && alert.state !== 'resolved');
    if (moved) changes.publish.push(toInstance(alert));
    if (moved || before.keepFiringSince !== alert.keepFiringSince || !sameValue(before.value, alert.value)) changes.save.push(alert);
  }
  for (const [fingerprint, before] of known) {
    if (seen.has(fingerprint)) continue;
    changes.drop.push(fingerprint);
    if (before.state === 'pending') changes.publish.push(toInstance({ ...before, state: 'resolved', resolvedAt: t, updatedAt: t }));
  }
  return changes;
}

function sameValue(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
