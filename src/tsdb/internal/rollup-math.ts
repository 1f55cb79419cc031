import type { SampleColumns } from './sample-columns.js';

/** One finished bucket; NaN stands for "no number" (all samples NaN) and is stored as NULL. */
export interface RollupBucket {
  bucketMs: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  last: number;
  lastMs: number;
}

export interface RollupSpec {
  /** Buckets starting in `[from, to)` are produced; earlier samples only seed counter increases. */
  from: number;
  to: number;
  bucketMs: number;
  /** Counters put their increase in `sum`. */
  counter: boolean;
  /** A counter sample further than this from the previous one starts afresh (adds 0). */
  maxGapMs: number;
}

/** Start of the bucket holding `t` (floor, also for negative times). */
export function bucketStart(t: number, bucketMs: number): number {
  return Math.floor(t / bucketMs) * bucketMs;
}

/**
 * Aggregates sorted, de-duplicated samples into buckets: count (every sample), sum/min/max
 * over non-NaN values, last value and its time. For counters, `sum` is the increase: each
 * sample adds its difference to the previous one, or its own value after a drop (a reset,
 * counted from 0 as Prometheus does). NaN samples (staleness markers) are counted but do
 * not break the chain of increases. `emit` gets one object, reused: it must copy what it keeps.
 */
export function rollupBuckets(cols: SampleColumns, spec: RollupSpec, emit: (b: Readonly<RollupBucket>) => void): void {
  const current: RollupBucket = { bucketMs: NaN, count: 0, sum: 0, min: NaN, max: NaN, last: NaN, lastMs: 0 };
  let prevT = NaN;
  let prevV = NaN;
  for (let i = 0; i < cols.length; i++) {
    const t = cols.t[i] as number;
    const v = cols.v[i] as number;
    if (t >= spec.to) break;
    if (t >= spec.from) {
      const b = bucketStart(t, spec.bucketMs);
      if (current.bucketMs !== b) {
        if (current.count > 0) emit(current);
        startBucket(current, b);
      }
      current.count++;
      current.last = v;
      current.lastMs = t;
      if (v === v) {
        current.min = minOfNumbers(current.min, v);
        current.max = maxOfNumbers(current.max, v);
        current.sum += spec.counter ? increase(prevT, prevV, t, v, spec.maxGapMs) : v;
      }
    }
    if (v === v) {
      prevT = t;
      prevV = v;
    }
  }
  if (current.count > 0) emit(current);
}

/** Empties `b` for a new bucket (its `lastMs` is set by the first sample added). */
export function startBucket(b: RollupBucket, bucketMs: number): void {
  b.bucketMs = bucketMs;
  b.count = 0;
  b.sum = 0;
  b.min = NaN;
  b.max = NaN;
  b.last = NaN;
}

function increase(prevT: number, prevV: number, t: number, v: number, maxGapMs: number): number {
  if (Number.isNaN(prevT) || t - prevT > maxGapMs) return 0;
  return v >= prevV ? v - prevV : v;
}

/** The smaller of two values, NaN meaning "none". */
export function minOfNumbers(a: number, b: number): number {
  return Number.isNaN(a) || b < a ? b : a;
}

/** The larger of two values, NaN meaning "none". */
export function maxOfNumbers(a: number, b: number): number {
  return Number.isNaN(a) || b > a ? b : a;
}
