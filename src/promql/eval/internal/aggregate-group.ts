import type { AggregateOp } from '../../ast.js';
import type { Metric } from '../../values.js';

/** The aggregations that reduce a group to one number. */
export type NumericAggregateOp = Exclude<AggregateOp, 'topk' | 'bottomk'>;

/**
 * One group of a numeric aggregation, accumulated in Prometheus 2.42's order of
 * operations: `sum` adds plainly (no Kahan compensation before 2.48), `avg` keeps an
 * incremental mean, `stddev`/`stdvar` use Welford's update.
 */
export class AggregateGroup {
  private value: number;
  private mean: number;
  private count = 1;
  private readonly values: number[] | undefined;

  constructor(readonly metric: Metric, private readonly op: NumericAggregateOp, first: number) {
    this.value = op === 'stddev' || op === 'stdvar' ? 0 : op === 'group' ? 1 : first;
    this.mean = first;
    this.values = op === 'quantile' ? [first] : undefined;
  }

  add(v: number): void {
    switch (this.op) {
      case 'sum':
        this.value += v;
        break;
      case 'avg':
        this.count++;
        this.addToMean(v);
        break;
      case 'max':
        if (this.value < v || Number.isNaN(this.value)) this.value = v;
        break;
      case 'min':
        if (this.value > v || Number.isNaN(this.value)) this.value = v;
        break;
      case 'count':
        this.count++;
        break;
      case 'stddev':
      case 'stdvar': {
        this.count++;
        const delta = v - this.mean;
        this.mean += delta / this.count;
        this.value += delta * (v - this.mean);
        break;
      }
      case 'quantile':
        this.values?.push(v);
        break;
      case 'group':
        break;
    }
  }

  private addToMean(v: number): void {
    if (!Number.isFinite(this.mean) && !Number.isNaN(this.mean)) {
      // An infinite mean stays as it is: Inf - Inf in the update below would make it NaN.
      if (!Number.isFinite(v) && !Number.isNaN(v) && this.mean > 0 === v > 0) return;
      if (Number.isFinite(v)) return;
    }
    // Each side is divided by the count first so that the update cannot overflow.
    this.mean += v / this.count - this.mean / this.count;
  }

  /** The group's value; `q` is the φ of `quantile`. */
  result(q: number): number {
    switch (this.op) {
      case 'avg':
        return this.mean;
      case 'count':
        return this.count;
      case 'stdvar':
        return this.value / this.count;
      case 'stddev':
        return Math.sqrt(this.value / this.count);
      case 'quantile':
        return quantile(q, this.values ?? []);
      default:
        return this.value;
    }
  }
}

/**
 * Prometheus's `quantile`: NaN values sort first, then linear interpolation between the
 * two nearest ranks; φ < 0 gives -Inf and φ > 1 gives +Inf.
 */
export function quantile(q: number, values: number[]): number {
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  values.sort((a, b) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : Number.isNaN(b) ? 1 : a - b));
  const n = values.length;
  const rank = q * (n - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(n - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return (values[lower] as number) * (1 - weight) + (values[upper] as number) * weight;
}
