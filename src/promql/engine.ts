import type { Expr } from './ast.js';
import type { Queryable } from './queryable.js';
import type { Matrix, Value } from './values.js';

export interface EngineOptions {
  /** How far back an instant selector looks for a sample (Prometheus `--query.lookback-delta`); default 5 min. */
  lookbackMs?: number;
  /** Refuse a query once it holds more samples than this in memory (Prometheus `--query.max-samples`); default 50 M. */
  maxSamples?: number;
}

/**
 * Evaluates parsed expressions with Prometheus 2.x semantics (closed range windows,
 * lookback, rate extrapolation). Reads each selector's data once per query, then
 * evaluates synchronously. Failures throw `PromqlEvalError`.
 */
export interface PromqlEngine {
  /** The value of `expr` at `atMs`: scalar, string or instant vector (a bare range selector yields a matrix). */
  instantQuery(source: Queryable, expr: Expr, atMs: number): Promise<Value>;
  /** `expr` (scalar or instant vector) evaluated at `start, start+step, … ≤ end`, one series per label set. */
  rangeQuery(source: Queryable, expr: Expr, startMs: number, endMs: number, stepMs: number): Promise<Matrix>;
}
