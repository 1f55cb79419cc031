/**
 * absent() and absent_over_time(): a single sample of value 1 when the argument has
 * nothing, labelled from the argument's own `label="value"` matchers.
 */
import type { Call, Expr } from '../ast.js';
import type { Metric, Vector } from '../values.js';
import type { FnContext, FunctionImpl } from './function-def.js';
import { matrixArg, vectorArg } from './internal/fn-args.js';
import { EMPTY_METRIC } from './internal/metric-labels.js';

const labelsByCall = new WeakMap<Call, Metric>();

/**
 * The labels an absent series would carry, as Prometheus derives them: each equality
 * matcher except on `__name__`, but a label matched twice, or matched any other way
 * after an equality, is left out. Anything but a (parenthesised) selector has none.
 */
export function absentLabels(arg: Expr | undefined): Metric {
  let expr = arg;
  while (expr?.kind === 'paren') expr = expr.expr;
  const selector = expr?.kind === 'vector' ? expr : expr?.kind === 'matrix' ? expr.selector : undefined;
  if (!selector) return EMPTY_METRIC;
  const labels: Record<string, string> = {};
  const seen = new Set<string>();
  for (const m of selector.matchers) {
    if (m.name === '__name__') continue;
    if (m.op === '=' && !seen.has(m.name)) {
      seen.add(m.name);
      // An empty value is the same as no label.
      if (m.value !== '') labels[m.name] = m.value;
    } else {
      delete labels[m.name];
    }
  }
  return Object.keys(labels).length === 0 ? EMPTY_METRIC : labels;
}

function absentSample(ctx: FnContext): Vector {
  let metric = labelsByCall.get(ctx.call);
  if (!metric) {
    metric = absentLabels(ctx.call.args[0]);
    labelsByCall.set(ctx.call, metric);
  }
  return [{ metric, t: ctx.t, v: 1 }];
}

const absent: FunctionImpl = (args, ctx) => (vectorArg(args, 0, 'absent').length > 0 ? [] : absentSample(ctx));

const absentOverTime: FunctionImpl = (args, ctx) =>
  matrixArg(args, 0, 'absent_over_time').matrix.some((s) => s.points.length > 0) ? [] : absentSample(ctx);

/** The absent family, by PromQL name. */
export const ABSENT_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  absent,
  absent_over_time: absentOverTime,
};
