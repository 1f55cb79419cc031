/**
 * histogram_quantile() over classic histograms: bucket series told apart by `le`,
 * grouped by all their other labels (the metric name included, as in Prometheus
 * 2.42), each group answered by linear interpolation inside the bucket holding the
 * φ-quantile.
 */
import { parseGoFloat } from '../../gocompat/index.js';
import type { Metric, Vector } from '../values.js';
import type { FunctionImpl } from './function-def.js';
import { scalarArg, vectorArg } from './internal/fn-args.js';

interface Bucket {
  upperBound: number;
  count: number;
}

interface BucketGroup {
  metric: Metric;
  buckets: Bucket[];
}

// `le` values repeat across series and evaluations; parse each once.
const upperBounds = new Map<string, number | undefined>();
const UPPER_BOUND_CACHE_LIMIT = 10_000;

function upperBoundOf(le: string): number | undefined {
  if (upperBounds.has(le)) return upperBounds.get(le);
  const parsed = parseGoFloat(le);
  const value = typeof parsed === 'number' ? parsed : undefined;
  if (upperBounds.size >= UPPER_BOUND_CACHE_LIMIT) upperBounds.clear();
  upperBounds.set(le, value);
  return value;
}

/** A key equal for metrics that differ only in `le`. */
function groupKey(metric: Metric): string {
  let key = '';
  for (const name of Object.keys(metric).sort()) {
    if (name !== 'le') key += `${name}\xff${metric[name]}\xff`;
  }
  return key;
}

function resultMetric(metric: Metric): Metric {
  const { le: _le, __name__: _name, ...rest } = metric;
  return rest;
}

/** Go's `sort.Search`: the first index in `[0, n)` where `f` holds, by bisection. */
function search(n: number, f: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (f(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The φ-quantile of one histogram, Prometheus 2.42's `bucketQuantile`: NaN without a
 * +Inf bucket, with fewer than two buckets or no observations; buckets with equal
 * bounds are merged and decreasing counts raised to keep the cumulative counts
 * monotonic; below the lowest bound the range starts at 0 unless that bound is ≤ 0.
 */
export function bucketQuantile(phi: number, input: readonly Bucket[]): number {
  if (Number.isNaN(phi)) return NaN;
  if (phi < 0) return -Infinity;
  if (phi > 1) return Infinity;
  const sorted = [...input].sort((a, b) => (a.upperBound < b.upperBound ? -1 : a.upperBound > b.upperBound ? 1 : 0));
  if ((sorted[sorted.length - 1] as Bucket).upperBound !== Infinity) return NaN;
  const buckets = monotonic(coalesce(sorted));
  if (buckets.length < 2) return NaN;
  const observations = (buckets[buckets.length - 1] as Bucket).count;
  if (observations === 0) return NaN;
  let rank = phi * observations;
  const b = search(buckets.length - 1, (i) => (buckets[i] as Bucket).count >= rank);
  if (b === buckets.length - 1) return (buckets[buckets.length - 2] as Bucket).upperBound;
  const bucket = buckets[b] as Bucket;
  if (b === 0 && bucket.upperBound <= 0) return bucket.upperBound;
  let bucketStart = 0;
  let count = bucket.count;
  if (b > 0) {
    const below = buckets[b - 1] as Bucket;
    bucketStart = below.upperBound;
    count -= below.count;
    rank -= below.count;
  }
  return bucketStart + (bucket.upperBound - bucketStart) * (rank / count);
}

/** Merges buckets with the same upper bound (sorted input), adding their counts. */
function coalesce(sorted: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  for (const bucket of sorted) {
    const last = out[out.length - 1];
    if (last && last.upperBound === bucket.upperBound) last.count += bucket.count;
    else out.push({ ...bucket });
  }
  return out;
}

/**
 * Raises counts that fall below an earlier bucket's. Buckets are scraped or rated one
 * by one, so a higher bucket can briefly lag; the bisection needs monotonic counts.
 */
function monotonic(buckets: Bucket[]): Bucket[] {
  let max = (buckets[0] as Bucket).count;
  for (const bucket of buckets) {
    if (bucket.count > max) max = bucket.count;
    else if (bucket.count < max) bucket.count = max;
  }
  return buckets;
}

const histogramQuantile: FunctionImpl = (args, ctx) => {
  const phi = scalarArg(args, 0, 'histogram_quantile');
  const groups = new Map<string, BucketGroup>();
  for (const sample of vectorArg(args, 1, 'histogram_quantile')) {
    const le = sample.metric.le;
    // Samples without a parsable `le` are not buckets and are skipped.
    const upperBound = le === undefined ? undefined : upperBoundOf(le);
    if (upperBound === undefined) continue;
    const key = groupKey(sample.metric);
    let group = groups.get(key);
    if (!group) {
      group = { metric: resultMetric(sample.metric), buckets: [] };
      groups.set(key, group);
    }
    group.buckets.push({ upperBound, count: sample.v });
  }
  const out: Vector = [];
  for (const group of groups.values()) out.push({ metric: group.metric, t: ctx.t, v: bucketQuantile(phi, group.buckets) });
  return out;
};

/** histogram_quantile, by PromQL name. */
export const HISTOGRAM_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  histogram_quantile: histogramQuantile,
};
