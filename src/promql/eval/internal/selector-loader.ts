import type { Expr, VectorSelector } from '../../ast.js';
import type { Queryable } from '../../queryable.js';
import { loadSeries, type LoadedSeries } from './loaded-series.js';

/** The series of every selector of one query, keyed by the selector's syntax node. */
export type SelectorData = ReadonlyMap<VectorSelector, LoadedSeries[]>;

interface Request {
  selector: VectorSelector;
  mint: number;
  maxt: number;
  forRange: boolean;
}

/**
 * Reads, in parallel and once per selector, the widest window the query needs from it:
 * `[start - offset - lookback, end - offset]` for an instant selector,
 * `[start - offset - range, end - offset]` for a range selector.
 */
export async function loadSelectors(source: Queryable, expr: Expr, startMs: number, endMs: number, lookbackMs: number): Promise<SelectorData> {
  const requests: Request[] = [];
  forEachSelector(expr, undefined, (selector, rangeMs) => {
    const back = rangeMs ?? lookbackMs;
    requests.push({ selector, mint: startMs - selector.offsetMs - back, maxt: endMs - selector.offsetMs, forRange: rangeMs !== undefined });
  });
  const results = await Promise.all(requests.map((r) => source.select(r.selector.matchers, r.mint, r.maxt)));
  const data = new Map<VectorSelector, LoadedSeries[]>();
  requests.forEach((r, i) => data.set(r.selector, loadSeries(results[i] ?? [], r.forRange)));
  return data;
}

function forEachSelector(expr: Expr, rangeMs: number | undefined, visit: (selector: VectorSelector, rangeMs: number | undefined) => void): void {
  switch (expr.kind) {
    case 'vector':
      return visit(expr, rangeMs);
    case 'matrix':
      return forEachSelector(expr.selector, expr.rangeMs, visit);
    case 'call':
      for (const arg of expr.args) forEachSelector(arg, undefined, visit);
      return;
    case 'aggregate':
      if (expr.param) forEachSelector(expr.param, undefined, visit);
      return forEachSelector(expr.expr, undefined, visit);
    case 'binary':
      forEachSelector(expr.lhs, undefined, visit);
      return forEachSelector(expr.rhs, undefined, visit);
    case 'unary':
    case 'paren':
      return forEachSelector(expr.expr, undefined, visit);
    case 'number':
    case 'string':
      return;
  }
}
