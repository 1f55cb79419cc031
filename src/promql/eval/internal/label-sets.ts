import { PromqlEvalError } from '../../../errors.js';
import { goQuote } from '../../../gocompat/index.js';
import type { Metric, Vector } from '../../values.js';

/** The label holding the metric name. */
export const METRIC_NAME = '__name__';

// Metrics are immutable and reused across steps (and across queries when the source keeps
// its metric objects), so everything derived from one is cached on its identity.
const keys = new WeakMap<Metric, string>();
const withoutName = new WeakMap<Metric, Metric>();

/**
 * A metric's canonical key: labels sorted by name as `name\0value\0…`. Comparing keys orders
 * metrics as Prometheus's `labels.Compare` does. Empty values are left out: to Prometheus an
 * empty label is a missing one.
 */
export function metricKey(metric: Metric): string {
  let key = keys.get(metric);
  if (key === undefined) {
    key = '';
    for (const name of Object.keys(metric).sort()) {
      const value = metric[name];
      if (value) key += `${name}\0${value}\0`;
    }
    keys.set(metric, key);
  }
  return key;
}

/** `metric` without `__name__` (the same object when it has none). */
export function dropMetricName(metric: Metric): Metric {
  if (metric[METRIC_NAME] === undefined) return metric;
  let dropped = withoutName.get(metric);
  if (!dropped) {
    const { [METRIC_NAME]: _name, ...rest } = metric;
    dropped = Object.freeze(rest);
    withoutName.set(metric, dropped);
  }
  return dropped;
}

/** Orders metrics as Prometheus sorts series. */
export function compareMetrics(a: Metric, b: Metric): number {
  const ka = metricKey(a);
  const kb = metricKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Throws Prometheus's error when two samples share a label set (e.g. after dropping `__name__`). */
export function assertDistinctLabelSets(vector: Vector): void {
  if (vector.length < 2) return;
  const seen = new Set<string>();
  for (const sample of vector) {
    const key = metricKey(sample.metric);
    if (seen.has(key)) throw new PromqlEvalError('vector cannot contain metrics with the same labelset');
    seen.add(key);
  }
}

/** A metric as Go prints `labels.Labels` (`{__name__="up", job="api"}`), for error messages. */
export function formatMetric(metric: Metric): string {
  const pairs: string[] = [];
  for (const name of Object.keys(metric).sort()) {
    const value = metric[name];
    if (value) pairs.push(`${name}=${goQuote(value)}`);
  }
  return `{${pairs.join(', ')}}`;
}
