import type { Labels, LabelMatcher, Sample, Tsdb } from '../tsdb/index.js';
import type { Queryable } from './queryable.js';
import type { Metric, Point, Series } from './values.js';

// Prometheus writes a staleness marker as this NaN bit pattern; other NaNs are ordinary values.
const STALE_HIGH = 0x7ff00000;
const STALE_LOW = 0x00000002;
const bits = new DataView(new ArrayBuffer(8));

/** True when `v` is Prometheus's staleness marker NaN (`0x7ff0000000000002`). */
export function isStaleNaN(v: number): boolean {
  if (!Number.isNaN(v)) return false;
  bits.setFloat64(0, v);
  return bits.getUint32(0) === STALE_HIGH && bits.getUint32(4) === STALE_LOW;
}

/** Prometheus's staleness marker value, for writers that end a series. */
export function staleNaN(): number {
  bits.setUint32(0, STALE_HIGH);
  bits.setUint32(4, STALE_LOW);
  return bits.getFloat64(0);
}

/**
 * The engine's view of guardia's tsdb: raw samples through `queryRange`, each series'
 * metric being its labels plus `__name__`. Samples holding the staleness-marker NaN come
 * out as markers.
 */
export function tsdbQueryable(tsdb: Tsdb): Queryable {
  // The tsdb keeps one labels object per series, so metrics built from it are reused
  // across queries and keep the engine's per-metric caches warm.
  const metrics = new WeakMap<Labels, Metric>();
  function metricOf(name: string, labels: Labels): Metric {
    let metric = metrics.get(labels);
    if (metric?.__name__ !== name) {
      metric = Object.freeze({ ...labels, __name__: name });
      metrics.set(labels, metric);
    }
    return metric;
  }

  return {
    async select(matchers: readonly LabelMatcher[], mint: number, maxt: number): Promise<Series[]> {
      const found = await tsdb.queryRange([...matchers], mint, maxt);
      return found.map((s) => ({ metric: metricOf(s.name, s.labels), points: toPoints(s.samples) }));
    },
  };
}

function toPoints(samples: Sample[]): Point[] {
  // Samples are already {t, v}; only series holding a marker need new point objects.
  if (!samples.some((s) => isStaleNaN(s.v))) return samples;
  return samples.map((s) => (isStaleNaN(s.v) ? { t: s.t, v: s.v, stale: true } : s));
}
