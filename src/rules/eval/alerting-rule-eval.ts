import { PromqlEvalError } from '../../errors.js';
import type { Metric, Vector, VectorSample } from '../../promql/index.js';
import { labelSetKey, withoutEmpty } from '../internal/label-set.js';
import type { AlertingRule } from '../rule-group.js';
import type { AlertCandidate, AlertStateMachine } from './alert-state-machine.js';

/** What alert templates may read besides the sample: Prometheus's external labels and URL. */
export interface AlertContext {
  externalLabels: Metric;
  externalUrl: string;
  /** See `ExpandOptions.functionsUrl`; unset in `guardia rules test`, as in promtool. */
  functionsUrl?: string;
}

/**
 * One evaluation of an alerting rule at `t`: renders each sample's labels and annotations,
 * advances the rule's state machine, and returns the `ALERTS` and `ALERTS_FOR_STATE`
 * samples Prometheus writes for the pending and firing alerts. Duplicate label sets and
 * exceeding `limit` (which clears the rule's alerts) make the rule fail.
 */
export function evaluateAlertingRule(rule: AlertingRule, machine: AlertStateMachine, vector: Vector, t: number, context: AlertContext, limit: number): VectorSample[] {
  const active = machine.update(t, alertCandidates(rule, vector, context));
  if (limit > 0 && active.length > limit) {
    machine.clear();
    throw new PromqlEvalError(`exceeded limit of ${limit} with ${active.length} alerts`);
  }
  return active.flatMap((alert) => {
    // Prometheus starts from the rule's labels as written, so a label whose template
    // rendered empty shows its template text in ALERTS.
    const base = { ...Object.fromEntries(rule.labels.map((l) => [l.name, l.text])), ...alert.labels, alertname: rule.name };
    return [
      { metric: withoutEmpty({ ...base, __name__: 'ALERTS', alertstate: alert.state }), t, v: 1 },
      { metric: withoutEmpty({ ...base, __name__: 'ALERTS_FOR_STATE' }), t, v: Math.floor(alert.activeAt / 1000) },
    ];
  });
}

function alertCandidates(rule: AlertingRule, vector: Vector, context: AlertContext): AlertCandidate[] {
  const seen = new Set<string>();
  return vector.map((sample) => {
    const data = { labels: sample.metric, externalLabels: context.externalLabels, externalUrl: context.externalUrl, value: sample.v };
    const options = context.functionsUrl === undefined ? {} : { functionsUrl: context.functionsUrl };
    const { __name__: _name, ...labels } = sample.metric;
    const rendered: Record<string, string> = { ...labels };
    for (const label of rule.labels) rendered[label.name] = label.template.expand(data, options);
    rendered.alertname = rule.name;
    const metric = withoutEmpty(rendered);
    const key = labelSetKey(metric);
    if (seen.has(key)) throw new PromqlEvalError('vector contains metrics with the same labelset after applying alert labels');
    seen.add(key);
    const annotations = Object.fromEntries(rule.annotations.map((a) => [a.name, a.template.expand(data, options)]));
    return { labels: metric, annotations, value: sample.v };
  });
}
