import { createHash } from 'node:crypto';
import type { AlertInstance } from '../../alerts/alert-instance.js';
import type { RouteConfig } from '../../config/index.js';
import type { NotifiedAlert } from '../notifier.js';

/** What a group keeps of an alert. */
export type GroupAlert = Pick<AlertInstance, 'fingerprint' | 'severity' | 'labels' | 'annotations' | 'activeAt' | 'firedAt' | 'resolvedAt'> & {
  state: 'firing' | 'resolved';
};

/** A route group's persisted state: its alerts and what was last notified. */
export interface GroupState {
  key: string;
  routeId: string;
  labels: Record<string, string>;
  /** The latest of each alert, by fingerprint. */
  alerts: Record<string, GroupAlert>;
  /** Notified as firing and not yet as resolved: their resolve is always delivered. */
  notified: string[];
  /** Firing alerts of the last notification, to tell a change from a repeat. */
  lastFiring: string[];
  lastSentAt: number | null;
}

const DEFAULT_WAIT_MS = 30_000;
const MUTED_RECHECK_MS = 60_000;

/** `group_wait` for an alert: the route's, else 0 for critical (the latency contract) and 30 s otherwise. */
export function groupWait(route: RouteConfig, severity: string): number {
  return route.groupWaitMs ?? (severity === 'critical' ? 0 : DEFAULT_WAIT_MS);
}

/**
 * Records a firing or resolved alert in its group and returns when the group must be
 * looked at because of it (undefined: no sooner than already planned).
 * - a resolve of a notified alert: now;
 * - a new firing alert in a group with nothing notified firing (new group, or all resolved
 *   before): after `group_wait`, never held back by `group_interval`;
 * - a new critical alert: at once, too;
 * - any other new firing alert: batched at `group_interval` after the last notification.
 */
export function applyAlert(state: GroupState, alert: AlertInstance, route: RouteConfig, now: number): number | undefined {
  const known = state.alerts[alert.fingerprint];
  const status = alert.state === 'firing' ? 'firing' : 'resolved';
  state.alerts[alert.fingerprint] = {
    fingerprint: alert.fingerprint,
    severity: alert.severity,
    labels: alert.labels,
    annotations: alert.annotations,
    activeAt: alert.activeAt,
    firedAt: alert.firedAt,
    resolvedAt: alert.resolvedAt,
    state: status,
  };
  const notified = state.notified.includes(alert.fingerprint);
  if (status === 'resolved') {
    if (notified) return now;
    delete state.alerts[alert.fingerprint];
    return undefined;
  }
  if (known?.state === 'firing' && known.firedAt === alert.firedAt) return undefined;
  const wait = groupWait(route, alert.severity);
  if (state.lastFiring.length === 0 || state.lastSentAt === null || wait === 0) return now + wait;
  return state.lastSentAt + route.groupIntervalMs;
}

/** A notification to send, decided by `planFlush`. */
export interface FlushPlan {
  key: string;
  status: 'firing' | 'resolved';
  alerts: NotifiedAlert[];
}

/**
 * Decides what a group sends now, given which firing alerts are muted (silence,
 * inhibition, maintenance), and updates the state as if it was sent. Returns the plan
 * (undefined: nothing to send) and when the group next needs a look.
 */
export function planFlush(
  state: GroupState,
  route: RouteConfig,
  muted: (alert: GroupAlert) => boolean,
  now: number,
  generatorUrl: (alert: GroupAlert) => string,
): { plan?: FlushPlan; dueAt: number | null } {
  const all = Object.values(state.alerts);
  const firing = all.filter((a) => a.state === 'firing' && !muted(a));
  const anyMuted = all.some((a) => a.state === 'firing' && muted(a));
  const resolved = all.filter((a) => a.state === 'resolved' && state.notified.includes(a.fingerprint));
  for (const a of all) if (a.state === 'resolved' && !state.notified.includes(a.fingerprint)) delete state.alerts[a.fingerprint];
  const firingKeys = firing.map((a) => a.fingerprint).sort();
  const changed = resolved.length > 0 || firingKeys.join() !== [...state.lastFiring].sort().join();
  const repeat = !changed && firing.length > 0 && state.lastSentAt !== null && now >= state.lastSentAt + route.repeatIntervalMs;
  let plan: FlushPlan | undefined;
  if ((changed || repeat) && (firing.length > 0 || resolved.length > 0)) {
    const included = [...firing, ...resolved];
    const identity = included.map((a) => `${a.fingerprint}:${a.state}:${a.firedAt}:${a.resolvedAt}`).sort().join(',');
    const text = `${state.key}|${identity}|${repeat ? `repeat-after:${state.lastSentAt}` : ''}`;
    plan = {
      key: createHash('sha256').update(text).digest('hex').slice(0, 32),
      status: firing.length > 0 ? 'firing' : 'resolved',
      alerts: included.map((a) => toNotified(a, generatorUrl(a))),
    };
    state.notified = [...new Set([...state.notified, ...firingKeys])].filter((fp) => !resolved.some((a) => a.fingerprint === fp));
    for (const a of resolved) delete state.alerts[a.fingerprint];
    state.lastSentAt = now;
  }
  // Muted alerts that were notified drop out of lastFiring, so they are notified again once unmuted.
  if (changed) state.lastFiring = firingKeys;
  const dues: number[] = [];
  // Muted alerts are looked at again soon, so they go out once their silence or window ends.
  if (anyMuted) dues.push(now + Math.min(route.groupIntervalMs, MUTED_RECHECK_MS));
  if (state.lastFiring.length > 0 && state.lastSentAt !== null) dues.push(state.lastSentAt + route.repeatIntervalMs);
  const dueAt = dues.length > 0 ? Math.min(...dues) : null;
  return plan ? { plan, dueAt } : { dueAt };
}

function toNotified(alert: GroupAlert, generatorUrl: string): NotifiedAlert {
  return {
    status: alert.state,
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.firedAt ?? alert.activeAt,
    endsAt: alert.state === 'resolved' ? alert.resolvedAt : null,
    fingerprint: alert.fingerprint,
    generatorUrl,
  };
}
