import { SeriesSelector, type LabelMatcher } from '../tsdb/index.js';
import type { Queryable } from './queryable.js';
import type { Metric, Point, Series } from './values.js';

interface StoredSeries {
  metric: Metric;
  name: string;
  /** The labels without `__name__`, as `SeriesSelector` matches them. */
  labels: Readonly<Record<string, string>>;
  points: Point[];
}

/**
 * Series held in memory: the input of `guardia rules test`, where recording rules and
 * `ALERTS` append as they are evaluated. A point at an existing time replaces it.
 */
export class MemoryQueryable implements Queryable {
  private readonly series = new Map<string, StoredSeries>();
  private readonly byName = new Map<string, StoredSeries[]>();

  /** Adds points (in any order) to the series `metric`, creating it when new. */
  add(metric: Metric, points: readonly Point[]): void {
    const stored = this.seriesFor(metric);
    for (const point of points) insertPoint(stored.points, point);
  }

  /** Adds one point; cheap when it is newer than the series' last one. */
  append(metric: Metric, point: Point): void {
    insertPoint(this.seriesFor(metric).points, point);
  }

  async select(matchers: readonly LabelMatcher[], mint: number, maxt: number): Promise<Series[]> {
    const selector = new SeriesSelector(matchers);
    const candidates = selector.name === undefined ? this.series.values() : (this.byName.get(selector.name) ?? []);
    const out: Series[] = [];
    for (const s of candidates) {
      if (!selector.matches(s.name, s.labels)) continue;
      const points = s.points.slice(countBefore(s.points, mint, false), countBefore(s.points, maxt, true));
      if (points.length > 0) out.push({ metric: s.metric, points });
    }
    return out;
  }

  private seriesFor(metric: Metric): StoredSeries {
    const key = seriesKey(metric);
    let stored = this.series.get(key);
    if (!stored) {
      const { __name__: name = '', ...labels } = metric;
      stored = { metric: Object.freeze({ ...metric }), name, labels: Object.freeze(labels), points: [] };
      this.series.set(key, stored);
      const sameName = this.byName.get(name);
      if (sameName) sameName.push(stored);
      else this.byName.set(name, [stored]);
    }
    return stored;
  }
}

function seriesKey(metric: Metric): string {
  return JSON.stringify(Object.entries(metric).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function insertPoint(points: Point[], point: Point): void {
  const copy: Point = point.stale ? { t: point.t, v: point.v, stale: true } : { t: point.t, v: point.v };
  let i = points.length;
  while (i > 0 && (points[i - 1] as Point).t > point.t) i--;
  if (i > 0 && (points[i - 1] as Point).t === point.t) points[i - 1] = copy;
  else points.splice(i, 0, copy);
}

/** How many of the time-ordered points lie before `t` (or at it, when `inclusive`). */
function countBefore(points: readonly Point[], t: number, inclusive: boolean): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const pt = (points[mid] as Point).t;
    if (pt < t || (inclusive && pt === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
