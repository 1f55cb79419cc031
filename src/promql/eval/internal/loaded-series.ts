import type { Metric, Point, Series } from '../../values.js';
import { compareMetrics } from './label-sets.js';

/** A selected series held for the whole query; `points` are in time order. */
export interface LoadedSeries {
  metric: Metric;
  points: readonly Point[];
}

/**
 * Prepares what a source returned for one selector: series in Prometheus's order (sorted
 * by labels, which error texts and result order depend on), empty ones left out, and for
 * range selectors staleness markers removed up front so each step can slice directly.
 */
export function loadSeries(series: readonly Series[], forRange: boolean): LoadedSeries[] {
  const out: LoadedSeries[] = [];
  for (const s of series) {
    const points = forRange ? withoutMarkers(s.points) : s.points;
    if (points.length > 0) out.push({ metric: s.metric, points });
  }
  out.sort((a, b) => compareMetrics(a.metric, b.metric));
  return out;
}

function withoutMarkers(points: readonly Point[]): readonly Point[] {
  return points.some((p) => p.stale) ? points.filter((p) => !p.stale) : points;
}

/** Index of the last point with `t <= at`, or -1. */
export function lastAtOrBefore(points: readonly Point[], at: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as Point).t <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first point with `t >= from` (`points.length` when there is none). */
export function firstAtOrAfter(points: readonly Point[], from: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as Point).t < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
