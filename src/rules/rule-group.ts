import type { Expr, Metric } from '../promql/index.js';
import type { AlertTemplate } from './template/alert-template.js';

/**
 * A rule file's groups, validated and parsed: what `loadRuleFile()` returns and what
 * the group evaluator runs. The format is Prometheus 2.42's rule file.
 */
export interface RuleGroup {
  name: string;
  /** The file the group was read from, as it was named to the loader. */
  file: string;
  /** The group's own `interval`, when it sets one. */
  intervalMs: number | undefined;
  /** At most this many series (recording) or alerts (alerting) per rule; 0 means no limit. */
  limit: number;
  rules: Rule[];
}

/** A recording or an alerting rule. */
export type Rule = RecordingRule | AlertingRule;

/** `record:` — writes its expression's result under a new metric name. */
export interface RecordingRule {
  kind: 'record';
  /** The metric name the result is written under. */
  name: string;
  expr: Expr;
  exprText: string;
  /** Labels set on every result (an empty value removes the label). */
  labels: Metric;
}

/** `alert:` — turns its expression's result into pending and firing alerts. */
export interface AlertingRule {
  kind: 'alert';
  name: string;
  expr: Expr;
  exprText: string;
  /** How long an alert stays pending before it fires. */
  forMs: number;
  /** How long a firing alert keeps firing after its expression stops returning it. */
  keepFiringForMs: number;
  /** Label templates, sorted by name as Prometheus holds them. */
  labels: TemplatedField[];
  /** Annotation templates, sorted by name. */
  annotations: TemplatedField[];
}

/** One label or annotation of an alerting rule: its text as written and the parsed template. */
export interface TemplatedField {
  name: string;
  text: string;
  template: AlertTemplate;
}
