import type { IncidentSeverity } from '../config/index.js';

export type IncidentStatus = 'open' | 'acknowledged' | 'resolved';

/** What happened on an incident, in time order. */
export type TimelineKind =
  | 'opened'
  | 'alert_firing'
  | 'alert_resolved'
  | 'notification'
  | 'escalation'
  | 'acknowledged'
  | 'assigned'
  | 'note'
  | 'runbook_step'
  | 'resolved';

/** An alert grouped into an incident. */
export interface IncidentAlert {
  fingerprint: string;
  rule: string;
  severity: string;
  state: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  firedAt: number;
  resolvedAt: number | null;
}

/** One incident as the CLI and the API show it. Times are epoch ms. */
export interface Incident {
  id: string;
  title: string;
  severity: IncidentSeverity;
  env: string | undefined;
  status: IncidentStatus;
  /** Runbook path or URL of the alert that opened it. */
  runbook: string | null;
  assignee: string | null;
  openedAt: number;
  ackedAt: number | null;
  ackedBy: string | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
}

export interface TimelineEntry {
  at: number;
  kind: TimelineKind;
  /** Who did it: a person (`--as`, token name), `guardia`, or `ack link`. */
  actor: string;
  text: string;
  data?: Record<string, unknown>;
}

/** An incident with its alerts and timeline. */
export interface IncidentDetail extends Incident {
  alerts: IncidentAlert[];
  timeline: TimelineEntry[];
  /** Acknowledge by then (the severity's response target). */
  respondBy: number | null;
}
