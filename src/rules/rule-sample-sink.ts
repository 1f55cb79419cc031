import type { Metric, Point } from '../promql/index.js';

/**
 * Where rule evaluation writes its results (recording rules' series, `ALERTS`,
 * `ALERTS_FOR_STATE`, staleness markers). A sink that refuses a sample (out of order, or
 * a different value at an existing time, as a TSDB head does) throws; the rule then
 * reports that error, as in Prometheus.
 */
export interface RuleSampleSink {
  append(metric: Metric, point: Point): void;
}
