import type { IncidentPolicyConfig } from '../../config/index.js';
import type { EscalationPosition } from '../incident-repository.js';

/** Where escalation starts for an incident opened at `openedAt`. */
export function firstPosition(policy: IncidentPolicyConfig, openedAt: number): EscalationPosition {
  const first = policy.escalate[0];
  return { round: 0, step: 0, baseMs: openedAt, dueMs: first ? openedAt + first.afterMs : null };
}

/**
 * The position after sending step `at.step`: the next step of the round; after the last, with
 * `repeat`, step 0 of a new round `repeat` after the last step; otherwise nothing more is due.
 */
export function nextPosition(policy: IncidentPolicyConfig, at: EscalationPosition): EscalationPosition {
  const steps = policy.escalate;
  const next = steps[at.step + 1];
  if (next) return { ...at, step: at.step + 1, dueMs: at.baseMs + next.afterMs };
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (policy.repeatMs === undefined || !first || !last) return { ...at, step: at.step + 1, dueMs: null };
  const baseMs = at.baseMs + last.afterMs + policy.repeatMs - first.afterMs;
  return { round: at.round + 1, step: 0, baseMs, dueMs: baseMs + first.afterMs };
}
