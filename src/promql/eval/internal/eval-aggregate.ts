import { PromqlEvalError } from '../../../errors.js';
import { sprintGoFloat } from '../../../gocompat/index.js';
import type { Aggregate } from '../../ast.js';
import type { Vector } from '../../values.js';
import { AggregateGroup } from './aggregate-group.js';
import { projectionOf } from './label-projection.js';
import { TopK } from './top-k.js';

// The range Prometheus accepts for topk's k (Go's int64 conversion limits).
const MAX_K = 9223372036854774784;
const MIN_K = -9223372036854775808;

/**
 * An aggregation over `input` at time `t`. Groups come out in the order their first
 * sample arrives; `param` is topk/bottomk's k or quantile's φ at this step.
 */
export function evalAggregate(node: Aggregate, input: Vector, param: number, t: number): Vector {
  const projection = projectionOf(node, !node.without, node.grouping);
  if (node.op === 'topk' || node.op === 'bottomk') {
    if (!(param >= MIN_K && param <= MAX_K)) throw new PromqlEvalError(`Scalar value ${sprintGoFloat(param)} overflows int64`);
    const k = Math.trunc(param);
    if (k < 1) return [];
    const groups = new Map<string, TopK>();
    for (const sample of input) {
      const key = projection.signature(sample.metric);
      const group = groups.get(key);
      if (group) group.add(sample);
      else groups.set(key, new TopK(k, node.op === 'bottomk', sample));
    }
    const out: Vector = [];
    for (const group of groups.values()) for (const s of group.result()) out.push({ metric: s.metric, t, v: s.v });
    return out;
  }
  const op = node.op;
  const groups = new Map<string, AggregateGroup>();
  for (const sample of input) {
    const key = projection.signature(sample.metric);
    const group = groups.get(key);
    if (group) group.add(sample.v);
    else groups.set(key, new AggregateGroup(projection.project(sample.metric), op, sample.v));
  }
  const out: Vector = [];
  for (const group of groups.values()) out.push({ metric: group.metric, t, v: group.result(param) });
  return out;
}
