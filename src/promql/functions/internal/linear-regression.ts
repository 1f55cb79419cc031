/** Least squares as Prometheus's `linearRegression` (deriv, predict_linear), Kahan-compensated sums included. */
import type { Point } from '../../values.js';
import { KahanSum } from './kahan-sum.js';

export interface RegressionLine {
  /** Per second. */
  slope: number;
  /** The fitted value at `interceptTime`. */
  intercept: number;
}

/**
 * Fits `v = slope * x + intercept` with `x` in seconds relative to `interceptTime`
 * (ms); a constant series has slope 0 (NaN for an infinite one), not a rounding artefact.
 */
export function linearRegression(points: readonly Point[], interceptTime: number): RegressionLine {
  const sumX = new KahanSum();
  const sumY = new KahanSum();
  const sumXY = new KahanSum();
  const sumX2 = new KahanSum();
  const initY = (points[0] as Point).v;
  let constY = true;
  let n = 0;
  for (const point of points) {
    if (constY && n > 0 && point.v !== initY) constY = false;
    n += 1;
    const x = (point.t - interceptTime) / 1e3;
    sumX.add(x);
    sumY.add(point.v);
    sumXY.add(x * point.v);
    sumX2.add(x * x);
  }
  if (constY) {
    return Number.isFinite(initY) ? { slope: 0, intercept: initY } : { slope: NaN, intercept: NaN };
  }
  const sx = sumX.sum + sumX.c;
  const sy = sumY.sum + sumY.c;
  const sxy = sumXY.sum + sumXY.c;
  const sx2 = sumX2.sum + sumX2.c;
  const covXY = sxy - (sx * sy) / n;
  const varX = sx2 - (sx * sx) / n;
  const slope = covXY / varX;
  return { slope, intercept: sy / n - (slope * sx) / n };
}
