/** Label-set helpers shared by the function families. */
import type { Metric } from '../../values.js';

/** The label set with no labels, shared rather than allocated per sample. */
export const EMPTY_METRIC: Metric = Object.freeze({});

// Series keep their metric object across evaluation steps, so each is copied once.
const withoutNameCache = new WeakMap<Metric, Metric>();

/** `metric` without `__name__`, as Prometheus returns from functions that change values. */
export function dropMetricName(metric: Metric): Metric {
  if (metric.__name__ === undefined) return metric;
  let out = withoutNameCache.get(metric);
  if (!out) {
    const { __name__: _name, ...rest } = metric;
    out = rest;
    withoutNameCache.set(metric, out);
  }
  return out;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Whether `name` is a valid Prometheus 2.x label name. */
export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}
