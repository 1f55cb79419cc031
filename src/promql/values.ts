/**
 * Values of the PromQL data model. A metric (label set) includes `__name__` when the
 * series has one; functions and operators that change a value drop it, as Prometheus does.
 */
export type Metric = Readonly<Record<string, string>>;

/** One stored sample; `stale` marks a Prometheus staleness marker (its value is meaningless). */
export interface Point {
  t: number;
  v: number;
  stale?: boolean;
}

/** One element of an instant vector; `t` is the evaluation time (or the sample's own time for `timestamp()`). */
export interface VectorSample {
  metric: Metric;
  t: number;
  v: number;
}

export type Vector = VectorSample[];

/** A series with points in time order: a range-vector element, or a row of a range-query result. */
export interface Series {
  metric: Metric;
  points: Point[];
}

export type Matrix = Series[];

export type Value =
  | { type: 'scalar'; t: number; v: number }
  | { type: 'string'; t: number; v: string }
  | { type: 'vector'; vector: Vector }
  | { type: 'matrix'; matrix: Matrix };
