import { InvalidRequestError } from '../errors.js';
import {
  createEngine, exprType, parseExpr, tsdbQueryable,
  type Matrix, type Metric, type PromqlEngine, type Queryable, type Value, type VectorSelector,
} from '../promql/index.js';
import type { Tsdb } from '../tsdb/index.js';

/** Prometheus refuses range queries with more points per series than this; so does guardia. */
export const MAX_POINTS_PER_SERIES = 11_000;

export interface QueryServiceDeps {
  tsdb: Tsdb;
  now(): number;
  engine?: PromqlEngine;
}

/**
 * PromQL over the live store, for the CLI (`guardia query`) and the Prometheus-compatible
 * HTTP API. Expressions are parsed per call; errors are `PromqlParseError` (bad input),
 * `PromqlEvalError` (failed evaluation) or `InvalidRequestError` (bad times or step).
 */
export class QueryService {
  private readonly source: Queryable;
  private readonly engine: PromqlEngine;

  constructor(private readonly deps: QueryServiceDeps) {
    this.source = tsdbQueryable(deps.tsdb);
    this.engine = deps.engine ?? createEngine();
  }

  /** The value of `expr` at `at` (default now). */
  async instant(expr: string, at: number = this.deps.now()): Promise<{ at: number; value: Value }> {
    const parsed = parseExpr(expr);
    return { at, value: await this.engine.instantQuery(this.source, parsed, at) };
  }

  /** `expr` (scalar or instant vector) at every step from `start` to `end`. */
  async range(expr: string, start: number, end: number, stepMs: number): Promise<Matrix> {
    if (!(stepMs > 0)) throw new InvalidRequestError('step: must be a positive duration');
    if (end < start) throw new InvalidRequestError('end: must not be before start');
    if ((end - start) / stepMs + 1 > MAX_POINTS_PER_SERIES) {
      throw new InvalidRequestError(`exceeded maximum resolution of ${MAX_POINTS_PER_SERIES} points per series; use a larger step`);
    }
    const parsed = parseExpr(expr);
    const type = exprType(parsed);
    if (type !== 'scalar' && type !== 'vector') {
      throw new InvalidRequestError(`a range query needs a scalar or instant-vector expression, got ${typeName(type)}`);
    }
    return this.engine.rangeQuery(this.source, parsed, start, end, stepMs);
  }

  /** Series with samples in `[start, end]` matching any of the selectors. */
  async series(selectors: readonly string[], start: number, end: number): Promise<Metric[]> {
    if (selectors.length === 0) throw new InvalidRequestError('match[]: give at least one series selector');
    const byKey = new Map<string, Metric>();
    for (const text of selectors) {
      for (const s of await this.source.select(selectorOf(text).matchers, start, end)) {
        byKey.set(JSON.stringify(Object.entries(s.metric).sort()), s.metric);
      }
    }
    return [...byKey.values()];
  }

  /** Label names of the series with samples in `[start, end]` (matching the selectors, if any). */
  async labelNames(selectors: readonly string[], start: number, end: number): Promise<string[]> {
    const names = new Set<string>();
    for (const metric of await this.series(orAll(selectors), start, end)) for (const name of Object.keys(metric)) names.add(name);
    return [...names].sort();
  }

  /** Values of one label over the series with samples in `[start, end]`. */
  async labelValues(label: string, selectors: readonly string[], start: number, end: number): Promise<string[]> {
    const values = new Set<string>();
    for (const metric of await this.series(orAll(selectors), start, end)) {
      const value = metric[label];
      if (value !== undefined && value !== '') values.add(value);
    }
    return [...values].sort();
  }
}

function orAll(selectors: readonly string[]): readonly string[] {
  return selectors.length > 0 ? selectors : ['{__name__=~".+"}'];
}

function selectorOf(text: string): VectorSelector {
  const expr = parseExpr(text);
  if (expr.kind !== 'vector') throw new InvalidRequestError(`match[]: expected a series selector, got ${JSON.stringify(text)}`);
  return expr;
}

function typeName(type: string): string {
  return type === 'matrix' ? 'a range vector' : `a ${type}`;
}
