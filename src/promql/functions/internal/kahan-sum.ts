/**
 * A running sum with Neumaier's compensation, step for step as Prometheus's
 * `kahanSumInc`, so sums of many samples round exactly as Prometheus's do.
 */
export class KahanSum {
  /** The rounded running sum. */
  sum = 0;
  /** The accumulated rounding error, added back at the end. */
  c = 0;

  add(inc: number): void {
    const t = this.sum + inc;
    if (Math.abs(this.sum) >= Math.abs(inc)) this.c += (this.sum - t) + inc;
    else this.c += (inc - t) + this.sum;
    this.sum = t;
  }

  /** The compensated total; an infinite sum is returned as it is (its compensation would be NaN). */
  value(): number {
    return isInfinite(this.sum) ? this.sum : this.sum + this.c;
  }
}

/** Whether `x` is +Inf or -Inf (Go's `math.IsInf(x, 0)`). */
export function isInfinite(x: number): boolean {
  return x === Infinity || x === -Infinity;
}
