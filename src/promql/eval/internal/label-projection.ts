import type { Metric } from '../../values.js';
import { METRIC_NAME } from './label-sets.js';

/**
 * The labels that identify a match group (`on`/`ignoring`) or an aggregation group
 * (`by`/`without`). "Including" keeps only the listed labels; "excluding" keeps every
 * other label except `__name__`, as Prometheus's `HashWithoutLabels` does.
 */
export class LabelProjection {
  private readonly names: readonly string[];
  private readonly excluded: ReadonlySet<string>;
  private readonly signatures = new WeakMap<Metric, string>();
  private readonly projections = new WeakMap<Metric, Metric>();

  constructor(readonly including: boolean, names: readonly string[]) {
    this.names = [...new Set(names)].sort();
    this.excluded = new Set([...names, METRIC_NAME]);
  }

  /** A string equal for two metrics exactly when their projected label sets are equal. */
  signature(metric: Metric): string {
    let signature = this.signatures.get(metric);
    if (signature === undefined) {
      signature = '';
      for (const name of this.including ? this.names : Object.keys(metric).sort()) {
        if (!this.including && this.excluded.has(name)) continue;
        const value = metric[name];
        if (value) signature += `${name}\0${value}\0`;
      }
      this.signatures.set(metric, signature);
    }
    return signature;
  }

  /** The projected label set itself: an aggregation group's metric, or the match group in error messages. */
  project(metric: Metric): Metric {
    let projected = this.projections.get(metric);
    if (!projected) {
      const out: Record<string, string> = {};
      if (this.including) {
        for (const name of this.names) {
          const value = metric[name];
          if (value) out[name] = value;
        }
      } else {
        for (const [name, value] of Object.entries(metric)) if (value && !this.excluded.has(name)) out[name] = value;
      }
      projected = Object.freeze(out);
      this.projections.set(metric, projected);
    }
    return projected;
  }
}

const cache = new WeakMap<object, LabelProjection>();

/** The projection of one syntax node (its `VectorMatching` or `Aggregate`), built once per node. */
export function projectionOf(node: object, including: boolean, names: readonly string[]): LabelProjection {
  let projection = cache.get(node);
  if (!projection) {
    projection = new LabelProjection(including, names);
    cache.set(node, projection);
  }
  return projection;
}
