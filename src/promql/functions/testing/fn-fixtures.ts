/**
 * Builders for function-table tests: evaluated arguments and contexts as the engine
 * would pass them, without a parser or an engine.
 */
import type { Call, Expr } from '../../ast.js';
import type { Metric, Point, Series, Vector } from '../../values.js';
import type { FnArg, FnContext } from '../function-def.js';
import { FUNCTION_IMPLS } from '../function-table.js';

const SPAN = { start: 0, end: 0 };

/** A scalar argument. */
export const scalar = (v: number): FnArg => ({ type: 'scalar', v });
/** A string argument. */
export const str = (v: string): FnArg => ({ type: 'string', v });

/** An instant vector of `[metric, value]` pairs at time `t`. */
export function vector(t: number, ...samples: [Metric, number][]): FnArg {
  return { type: 'vector', vector: samples.map(([metric, v]) => ({ metric, t, v })) };
}

/** A series with one point every `stepMs` from `startMs`; `null` leaves a gap. */
export function series(metric: Metric, values: (number | null)[], stepMs = 60_000, startMs = 0): Series {
  const points: Point[] = [];
  values.forEach((v, i) => {
    if (v !== null) points.push({ t: startMs + i * stepMs, v });
  });
  return { metric, points };
}

/**
 * The range argument `selector[rangeMs] offset offsetMs` evaluated at `t`: each
 * series cut to the closed window `[t-offset-range, t-offset]`, as Prometheus 2.x does.
 */
export function range(all: Series[], t: number, rangeMs: number, offsetMs = 0): FnArg {
  const rangeEnd = t - offsetMs;
  const rangeStart = rangeEnd - rangeMs;
  const matrix = all.map((s) => ({ metric: s.metric, points: s.points.filter((p) => p.t >= rangeStart && p.t <= rangeEnd) }));
  return { type: 'matrix', matrix, rangeStart, rangeEnd };
}

/** A context for evaluating `func` at `t`; `argExprs` is the call's syntax (absent() reads it). */
function context(func: string, t: number, argExprs: Expr[] = []): FnContext {
  const call: Call = { kind: 'call', func, args: argExprs, span: SPAN };
  return { t, call };
}

/** Calls `func` from the function table. */
export function callFunction(func: string, args: FnArg[], t = 0, argExprs: Expr[] = []): Vector | number {
  const impl = FUNCTION_IMPLS.get(func);
  if (!impl) throw new Error(`no function ${func}`);
  return impl(args, context(func, t, argExprs));
}

/** A vector result as `labels → value`, labels written `{a="b", …}` in name order. */
export function valuesOf(result: Vector | number): Record<string, number> {
  if (typeof result === 'number') throw new Error('expected a vector');
  const out: Record<string, number> = {};
  for (const sample of result) out[labelString(sample.metric)] = sample.v;
  return out;
}

function labelString(metric: Metric): string {
  const pairs = Object.keys(metric).sort().map((k) => `${k}=${JSON.stringify(metric[k])}`);
  return `{${pairs.join(', ')}}`;
}

/** A vector selector's syntax, for absent(). */
export function selectorExpr(matchers: { name: string; op: '=' | '!=' | '=~' | '!~'; value: string }[]): Expr {
  return { kind: 'vector', name: undefined, matchers, offsetMs: 0, span: SPAN };
}
