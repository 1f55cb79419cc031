import { InvalidRequestError, PromqlEvalError } from '../../../errors.js';
import type { Expr } from '../../ast.js';
import type { EngineOptions, PromqlEngine } from '../../engine.js';
import type { FunctionImpl } from '../../functions/function-def.js';
import type { Queryable } from '../../queryable.js';
import { exprType } from '../../parse/expr-type.js';
import type { Matrix, Value, Vector } from '../../values.js';
import { Evaluator } from './evaluator.js';
import { RangeResult } from './range-result.js';
import { SampleBudget } from './sample-budget.js';
import { loadSelectors } from './selector-loader.js';

/** Prometheus's defaults for `--query.lookback-delta` and `--query.max-samples`. */
export const DEFAULT_LOOKBACK_MS = 5 * 60_000;
export const DEFAULT_MAX_SAMPLES = 50_000_000;
/** Prometheus's HTTP API refuses range queries with more points per series than this. */
export const MAX_RANGE_STEPS = 11_000;

const DOCUMENTED_TYPES = { scalar: 'scalar', string: 'string', vector: 'instant vector', matrix: 'range vector' } as const;

/** The engine over an explicit function table (`createEngine` passes guardia's). */
export function buildEngine(functions: ReadonlyMap<string, FunctionImpl>, options: EngineOptions = {}): PromqlEngine {
  const lookbackMs = positive(options.lookbackMs, DEFAULT_LOOKBACK_MS, 'lookbackMs');
  const maxSamples = positive(options.maxSamples, DEFAULT_MAX_SAMPLES, 'maxSamples');

  async function prepare(source: Queryable, expr: Expr, startMs: number, endMs: number, forRange: boolean): Promise<Evaluator> {
    const selectors = await loadSelectors(source, expr, startMs, endMs, lookbackMs);
    return new Evaluator({ selectors, lookbackMs, budget: new SampleBudget(maxSamples), functions, owners: forRange ? new Map() : undefined });
  }

  return {
    async instantQuery(source, expr, atMs): Promise<Value> {
      const evaluator = await prepare(source, expr, atMs, atMs, false);
      const value = evaluator.eval(expr, atMs);
      switch (value.type) {
        case 'scalar':
        case 'string':
          return { type: value.type, t: atMs, v: value.v } as Value;
        case 'vector':
          return { type: 'vector', vector: atTime(value.vector, atMs) };
        case 'matrix':
          return { type: 'matrix', matrix: value.matrix };
      }
    },

    async rangeQuery(source, expr, startMs, endMs, stepMs): Promise<Matrix> {
      checkRange(expr, startMs, endMs, stepMs);
      const evaluator = await prepare(source, expr, startMs, endMs, true);
      const budget = evaluator.state.budget;
      const result = new RangeResult();
      for (let t = startMs; t <= endMs; t += stepMs) {
        budget.startStep();
        const value = evaluator.eval(expr, t);
        if (value.type === 'scalar') {
          result.addScalar(t, value.v);
          budget.hold(1);
          budget.keep(1);
        } else if (value.type === 'vector') {
          result.addVector(t, value.vector);
          budget.keep(value.vector.length);
        }
      }
      return result.finish();
    },
  };
}

function checkRange(expr: Expr, startMs: number, endMs: number, stepMs: number): void {
  const type = exprType(expr);
  if (type !== 'scalar' && type !== 'vector') {
    throw new PromqlEvalError(`invalid expression type "${DOCUMENTED_TYPES[type]}" for range query, must be Scalar or instant Vector`);
  }
  if (!(stepMs > 0) || !Number.isFinite(stepMs)) throw new PromqlEvalError('a range query needs a positive step; pass a step of at least 1 ms');
  if (!(endMs >= startMs)) throw new PromqlEvalError('a range query ends before it starts; pass an end time at or after the start');
  if ((endMs - startMs) / stepMs + 1 > MAX_RANGE_STEPS) {
    throw new PromqlEvalError(`exceeded maximum resolution of ${MAX_RANGE_STEPS} points per timeseries. Try decreasing the query resolution (?step=XX)`);
  }
}

/** Samples of an instant result carry the evaluation time, as Prometheus forces them to. */
function atTime(vector: Vector, t: number): Vector {
  return vector.every((s) => s.t === t) ? vector : vector.map((s) => ({ metric: s.metric, t, v: s.v }));
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value > 0) || !Number.isFinite(value)) throw new InvalidRequestError(`engine option ${name} must be a positive number, got ${value}`);
  return value;
}
