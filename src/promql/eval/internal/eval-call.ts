import { PromqlEvalError } from '../../../errors.js';
import type { Call, Expr } from '../../ast.js';
import type { FnArg, FnContext, FunctionImpl } from '../../functions/function-def.js';
import type { Metric, Vector } from '../../values.js';
import type { Evaluator } from './evaluator.js';
import { assertDistinctLabelSets, metricKey } from './label-sets.js';

/** Calls a function from the table with its evaluated arguments at time `t`. */
export function evalCall(ev: Evaluator, node: Call, t: number): FnArg {
  const impl = ev.state.functions.get(node.func);
  if (!impl) throw new PromqlEvalError(`function "${node.func}" is not implemented; use one of the supported PromQL functions`);
  const args = node.args.map((arg, i) => evalArg(ev, node, arg, i, t));
  const ctx: FnContext = { t, call: node };
  const matrixIndex = args.findIndex((a) => a.type === 'matrix');
  // absent_over_time() looks at all series at once; the other range functions are per series.
  const owners = ev.state.owners;
  const result =
    owners && matrixIndex >= 0 && node.func !== 'absent_over_time'
      ? callPerSeries(impl, args, matrixIndex, ctx, ownersOf(owners, node))
      : impl(args, ctx);
  if (typeof result === 'number') return { type: 'scalar', v: result };
  assertDistinctLabelSets(result);
  return { type: 'vector', vector: result };
}

function evalArg(ev: Evaluator, node: Call, arg: Expr, index: number, t: number): FnArg {
  // timestamp(selector) reports each sample's own time, which evaluating the selector loses.
  if (node.func === 'timestamp' && index === 0) {
    const inner = unwrapParens(arg);
    if (inner.kind === 'vector') return { type: 'vector', vector: ev.selectInstant(inner, t, true) };
  }
  return ev.eval(arg, t);
}

function unwrapParens(expr: Expr): Expr {
  while (expr.kind === 'paren') expr = expr.expr;
  return expr;
}

function ownersOf(owners: Map<Call, Map<string, Metric>>, node: Call): Map<string, Metric> {
  let byKey = owners.get(node);
  if (!byKey) owners.set(node, (byKey = new Map()));
  return byKey;
}

/** One call per input series, remembering which series produced each output label set. */
function callPerSeries(impl: FunctionImpl, args: FnArg[], index: number, ctx: FnContext, owners: Map<string, Metric>): Vector | number {
  const arg = args[index] as Extract<FnArg, { type: 'matrix' }>;
  const single = [...args];
  const out: Vector = [];
  for (const series of arg.matrix) {
    single[index] = { ...arg, matrix: [series] };
    const result = impl(single, ctx);
    if (typeof result === 'number') return result;
    for (const sample of result) {
      const key = metricKey(sample.metric);
      const owner = owners.get(key);
      if (owner !== undefined && owner !== series.metric) throw new PromqlEvalError('vector cannot contain metrics with the same labelset');
      owners.set(key, series.metric);
      out.push(sample);
    }
  }
  return out;
}
