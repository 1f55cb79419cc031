/** Evaluating a range-vector function series by series. */
import type { Point, Vector } from '../../values.js';
import type { MatrixArg } from './fn-args.js';
import { dropMetricName } from './metric-labels.js';

/**
 * One sample at time `t` per series of `arg` that has points in its window, valued by
 * `compute` (undefined drops the series, e.g. `rate()` with one point). The metric
 * name is dropped unless `keepName` (only `last_over_time` keeps it).
 */
export function mapSeries(
  arg: MatrixArg,
  t: number,
  compute: (points: readonly Point[]) => number | undefined,
  keepName = false,
): Vector {
  const out: Vector = [];
  for (const series of arg.matrix) {
    if (series.points.length === 0) continue;
    const v = compute(series.points);
    if (v === undefined) continue;
    out.push({ metric: keepName ? series.metric : dropMetricName(series.metric), t, v });
  }
  return out;
}
