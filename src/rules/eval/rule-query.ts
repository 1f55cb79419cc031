import { PromqlEvalError } from '../../errors.js';
import type { Expr, PromqlEngine, Queryable, Vector } from '../../promql/index.js';

/**
 * A rule's expression at `t`, as Prometheus's rule manager reads it: an instant vector,
 * or a scalar as one sample without labels. Anything else is the rule's error.
 */
export async function queryRule(engine: PromqlEngine, source: Queryable, expr: Expr, t: number): Promise<Vector> {
  const value = await engine.instantQuery(source, expr, t);
  if (value.type === 'vector') return value.vector;
  if (value.type === 'scalar') return [{ metric: {}, t: value.t, v: value.v }];
  throw new PromqlEvalError('rule result is not a vector or scalar');
}
