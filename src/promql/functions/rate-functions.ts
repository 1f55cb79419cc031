/**
 * Functions of how a series moves over its window: rate irate increase delta idelta
 * deriv predict_linear changes resets. All drop the metric name.
 */
import type { Point } from '../values.js';
import type { FunctionImpl } from './function-def.js';
import { extrapolatedRate, instantValue, type RateKind } from './internal/extrapolated-rate.js';
import { matrixArg, scalarArg } from './internal/fn-args.js';
import { linearRegression } from './internal/linear-regression.js';
import { mapSeries } from './internal/range-series.js';

function extrapolated(name: string, kind: RateKind): FunctionImpl {
  return (args, ctx) => {
    const arg = matrixArg(args, 0, name);
    return mapSeries(arg, ctx.t, (points) => extrapolatedRate(points, arg.rangeStart, arg.rangeEnd, kind));
  };
}

function lastTwo(name: string, isRate: boolean): FunctionImpl {
  return (args, ctx) => mapSeries(matrixArg(args, 0, name), ctx.t, (points) => instantValue(points, isRate));
}

const deriv: FunctionImpl = (args, ctx) =>
  mapSeries(matrixArg(args, 0, 'deriv'), ctx.t, (points) =>
    // Times relative to the first sample keep x small (prometheus/prometheus#2674).
    points.length < 2 ? undefined : linearRegression(points, (points[0] as Point).t).slope,
  );

const predictLinear: FunctionImpl = (args, ctx) => {
  const seconds = scalarArg(args, 1, 'predict_linear');
  return mapSeries(matrixArg(args, 0, 'predict_linear'), ctx.t, (points) => {
    if (points.length < 2) return undefined;
    // Prometheus fits against the evaluation time, even under `offset`.
    const line = linearRegression(points, ctx.t);
    return line.slope * seconds + line.intercept;
  });
};

function countSteps(name: string, isStep: (previous: number, current: number) => boolean): FunctionImpl {
  return (args, ctx) =>
    mapSeries(matrixArg(args, 0, name), ctx.t, (points) => {
      let steps = 0;
      let previous = (points[0] as Point).v;
      for (let i = 1; i < points.length; i++) {
        const current = (points[i] as Point).v;
        if (isStep(previous, current)) steps++;
        previous = current;
      }
      return steps;
    });
}

/** The rate family, by PromQL name. */
export const RATE_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  rate: extrapolated('rate', { isCounter: true, isRate: true }),
  increase: extrapolated('increase', { isCounter: true, isRate: false }),
  delta: extrapolated('delta', { isCounter: false, isRate: false }),
  irate: lastTwo('irate', true),
  idelta: lastTwo('idelta', false),
  deriv,
  predict_linear: predictLinear,
  // NaN to NaN is no change.
  changes: countSteps('changes', (p, c) => c !== p && !(Number.isNaN(c) && Number.isNaN(p))),
  resets: countSteps('resets', (p, c) => c < p),
};
