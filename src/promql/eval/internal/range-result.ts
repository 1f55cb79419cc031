import type { Matrix, Metric, Series, Vector } from '../../values.js';
import { metricKey } from './label-sets.js';

const SCALAR_METRIC: Metric = Object.freeze({});

/** Collects a range query's steps into one series per label set, sorted by labels as Prometheus sorts them. */
export class RangeResult {
  private readonly rows = new Map<string, Series>();

  addVector(t: number, vector: Vector): void {
    for (const sample of vector) this.add(sample.metric, t, sample.v);
  }

  /** A scalar expression's step: rows of the series without labels. */
  addScalar(t: number, v: number): void {
    this.add(SCALAR_METRIC, t, v);
  }

  finish(): Matrix {
    return [...this.rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, series]) => series);
  }

  private add(metric: Metric, t: number, v: number): void {
    const key = metricKey(metric);
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { metric, points: [] }));
    row.points.push({ t, v });
  }
}
