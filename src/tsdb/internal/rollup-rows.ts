import type { RollupBucket } from './rollup-math.js';

/** One rollup row as written: a bucket of a series. */
export interface RollupRow extends RollupBucket {
  seriesId: number;
}

/**
 * Rollup rows waiting to be written, as columns of numbers: a maintenance pass computes a
 * row per series and minute (60,000 for 10,000 probes) and holds them until its
 * transaction; as objects they outlived the young generation every minute.
 */
export class RollupRows {
  length = 0;
  private seriesId = new Float64Array(1024);
  private bucketMs = new Float64Array(1024);
  private count = new Float64Array(1024);
  private sum = new Float64Array(1024);
  private min = new Float64Array(1024);
  private max = new Float64Array(1024);
  private last = new Float64Array(1024);
  private lastMs = new Float64Array(1024);

  push(seriesId: number, b: RollupBucket): void {
    if (this.length === this.seriesId.length) this.grow();
    const i = this.length++;
    this.seriesId[i] = seriesId;
    this.bucketMs[i] = b.bucketMs;
    this.count[i] = b.count;
    this.sum[i] = b.sum;
    this.min[i] = b.min;
    this.max[i] = b.max;
    this.last[i] = b.last;
    this.lastMs[i] = b.lastMs;
  }

  /** Row `i` as an object, for the values of one statement. */
  row(i: number): RollupRow {
    return {
      seriesId: this.seriesId[i] as number, bucketMs: this.bucketMs[i] as number, count: this.count[i] as number,
      sum: this.sum[i] as number, min: this.min[i] as number, max: this.max[i] as number,
      last: this.last[i] as number, lastMs: this.lastMs[i] as number,
    };
  }

  private grow(): void {
    const n = this.length * 2;
    this.seriesId = grown(this.seriesId, n);
    this.bucketMs = grown(this.bucketMs, n);
    this.count = grown(this.count, n);
    this.sum = grown(this.sum, n);
    this.min = grown(this.min, n);
    this.max = grown(this.max, n);
    this.last = grown(this.last, n);
    this.lastMs = grown(this.lastMs, n);
  }
}

function grown(column: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(length);
  next.set(column);
  return next;
}
