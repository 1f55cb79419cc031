/**
 * Aggregations of each series over its window: avg/min/max/sum/count/last/quantile/
 * stddev/stdvar/present_over_time. Sums use Prometheus's compensated summation so
 * results match it bit for bit. Only `last_over_time` keeps the metric name.
 */
import type { Point } from '../values.js';
import type { FunctionImpl } from './function-def.js';
import { matrixArg, scalarArg } from './internal/fn-args.js';
import { KahanSum, isInfinite } from './internal/kahan-sum.js';
import { quantile } from './internal/quantile.js';
import { mapSeries } from './internal/range-series.js';

type Aggregate = (points: readonly Point[]) => number;

function overTime(name: string, aggregate: Aggregate, keepName = false): FunctionImpl {
  return (args, ctx) => mapSeries(matrixArg(args, 0, name), ctx.t, aggregate, keepName);
}

/** An incremental mean: it cannot overflow the way a sum of large values would. */
const average: Aggregate = (points) => {
  const mean = new KahanSum();
  let count = 0;
  for (const { v } of points) {
    count++;
    if (isInfinite(mean.sum)) {
      // An infinite mean stays as it is unless an opposite infinity or NaN arrives;
      // subtracting it below would turn it into NaN.
      if (isInfinite(v) && (mean.sum > 0) === (v > 0)) continue;
      if (Number.isFinite(v)) continue;
    }
    mean.add(v / count - mean.sum / count);
  }
  return mean.value();
};

const sum: Aggregate = (points) => {
  const total = new KahanSum();
  for (const { v } of points) total.add(v);
  return total.value();
};

function extreme(isBetter: (candidate: number, best: number) => boolean): Aggregate {
  return (points) => {
    let best = (points[0] as Point).v;
    for (const { v } of points) if (isBetter(v, best) || Number.isNaN(best)) best = v;
    return best;
  };
}

/** Welford's running variance with compensated sums, as Prometheus computes it. */
const variance: Aggregate = (points) => {
  const mean = new KahanSum();
  const aux = new KahanSum();
  let count = 0;
  for (const { v } of points) {
    count++;
    const delta = v - (mean.sum + mean.c);
    mean.add(delta / count);
    aux.add(delta * (v - (mean.sum + mean.c)));
  }
  return (aux.sum + aux.c) / count;
};

const quantileOverTime: FunctionImpl = (args, ctx) => {
  const phi = scalarArg(args, 0, 'quantile_over_time');
  return mapSeries(matrixArg(args, 1, 'quantile_over_time'), ctx.t, (points) => {
    const values = new Float64Array(points.length);
    for (let i = 0; i < points.length; i++) values[i] = (points[i] as Point).v;
    return quantile(phi, values);
  });
};

/** The *_over_time family, by PromQL name. */
export const OVER_TIME_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  avg_over_time: overTime('avg_over_time', average),
  min_over_time: overTime('min_over_time', extreme((c, best) => c < best)),
  max_over_time: overTime('max_over_time', extreme((c, best) => c > best)),
  sum_over_time: overTime('sum_over_time', sum),
  count_over_time: overTime('count_over_time', (points) => points.length),
  last_over_time: overTime('last_over_time', (points) => (points[points.length - 1] as Point).v, true),
  quantile_over_time: quantileOverTime,
  stddev_over_time: overTime('stddev_over_time', (points) => Math.sqrt(variance(points))),
  stdvar_over_time: overTime('stdvar_over_time', variance),
  present_over_time: overTime('present_over_time', () => 1),
};
