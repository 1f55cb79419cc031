/**
 * Prometheus 2.x's `extrapolatedRate` (rate, increase, delta) and `instantValue`
 * (irate, idelta), with its order of floating-point operations kept so results match
 * Prometheus bit for bit.
 */
import type { Point } from '../../values.js';

/** How `extrapolatedRate` treats the samples: counters see resets, rates divide by the range. */
export interface RateKind {
  isCounter: boolean;
  isRate: boolean;
}

/**
 * The increase over `[rangeStart, rangeEnd]` extrapolated towards the window's edges:
 * all the way when the first/last sample is within 1.1 average intervals of the edge,
 * else by half an interval; a counter is not extrapolated below zero. Undefined with
 * fewer than two points.
 */
export function extrapolatedRate(points: readonly Point[], rangeStart: number, rangeEnd: number, kind: RateKind): number | undefined {
  const count = points.length;
  if (count < 2) return undefined;
  const first = points[0] as Point;
  const last = points[count - 1] as Point;
  let result = last.v - first.v;
  if (kind.isCounter) {
    let previous = first.v;
    for (let i = 1; i < count; i++) {
      const current = (points[i] as Point).v;
      if (current < previous) result += previous;
      previous = current;
    }
  }
  let durationToStart = (first.t - rangeStart) / 1000;
  const durationToEnd = (rangeEnd - last.t) / 1000;
  const sampledInterval = (last.t - first.t) / 1000;
  const averageInterval = sampledInterval / (count - 1);
  if (kind.isCounter && result > 0 && first.v >= 0) {
    const durationToZero = sampledInterval * (first.v / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = averageInterval * 1.1;
  let extrapolateTo = sampledInterval;
  extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
  let factor = extrapolateTo / sampledInterval;
  if (kind.isRate) factor /= durationSeconds(rangeEnd - rangeStart);
  return result * factor;
}

/** Go's `time.Duration.Seconds()` of a millisecond duration: whole seconds plus the rest, rounded separately. */
function durationSeconds(ms: number): number {
  const rest = ms % 1000;
  return (ms - rest) / 1000 + (rest * 1e6) / 1e9;
}

/** The difference of the last two points (a reset counts from zero for irate), per second for irate. */
export function instantValue(points: readonly Point[], isRate: boolean): number | undefined {
  const count = points.length;
  if (count < 2) return undefined;
  const last = points[count - 1] as Point;
  const previous = points[count - 2] as Point;
  let result = isRate && last.v < previous.v ? last.v : last.v - previous.v;
  const interval = last.t - previous.t;
  if (interval === 0) return undefined;
  if (isRate) result /= interval / 1000;
  return result;
}
