import type { Point, Series, Vector } from '../../values.js';
import { firstAtOrAfter, lastAtOrBefore, type LoadedSeries } from './loaded-series.js';

/**
 * An instant selector at `t`: per series the newest point in the closed window
 * `[t - offset - lookback, t - offset]` (Prometheus 2.x), nothing when that point is a
 * staleness marker. Samples carry `t`, or their own time when `ownTimestamps` (for `timestamp()`).
 */
export function instantVector(series: readonly LoadedSeries[], t: number, offsetMs: number, lookbackMs: number, ownTimestamps: boolean): Vector {
  const ref = t - offsetMs;
  const oldest = ref - lookbackMs;
  const out: Vector = [];
  for (const s of series) {
    const i = lastAtOrBefore(s.points, ref);
    if (i < 0) continue;
    const p = s.points[i] as Point;
    if (p.t < oldest || p.stale) continue;
    out.push({ metric: s.metric, t: ownTimestamps ? p.t : t, v: p.v });
  }
  return out;
}

/** A range selector's points in the closed window `[start, end]`; series with none are left out. */
export function rangeMatrix(series: readonly LoadedSeries[], start: number, end: number): Series[] {
  const out: Series[] = [];
  for (const s of series) {
    const from = firstAtOrAfter(s.points, start);
    const to = lastAtOrBefore(s.points, end) + 1;
    if (to > from) out.push({ metric: s.metric, points: s.points.slice(from, to) });
  }
  return out;
}
