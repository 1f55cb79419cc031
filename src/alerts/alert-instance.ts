export type Severity = 'critical' | 'high' | 'medium' | 'low';
/** One alert of one rule: what notifications, incidents, the API and the dashboard see. */
export interface AlertInstance {
  /** Stable id of rule + label set: hex sha256 of the alertname and the sorted labels, first 16 chars. */
  fingerprint: string;
  /** Rule name (= labels.alertname). */
  rule: string;
  /** Environment the rule belongs to (= labels.env), undefined for global rules. */
  env: string | undefined;
  state: 'pending' | 'firing' | 'resolved';
  severity: Severity;
  /** All labels incl. alertname, severity, env (when set) and the rule's labels. */
  labels: Record<string, string>;
  /** Rendered annotations incl. `summary`, `description` when given, and `runbook` (path or URL) when the rule has one. */
  annotations: Record<string, string>;
  /** The value of the expression's sample at the last evaluation. */
  value: number;
  /** When it became pending (epoch ms). */
  activeAt: number;
  /** When it started firing, null while pending. */
  firedAt: number | null;
  /** When it resolved, null while active. */
  resolvedAt: number | null;
  /** Time of the evaluation that produced this state. */
  updatedAt: number;
}
