import { PromqlEvalError } from '../../errors.js';
import type { Vector, VectorSample } from '../../promql/index.js';
import { labelSetKey, withoutEmpty } from '../internal/label-set.js';
import type { RecordingRule } from '../rule-group.js';

/**
 * The series a recording rule writes for its expression's result at `t`: each sample
 * renamed to the rule's name with the rule's labels set. Two samples ending with the same
 * labels, or more than `limit` samples, make the rule fail as in Prometheus.
 */
export function recordingSamples(rule: RecordingRule, vector: Vector, t: number, limit: number): VectorSample[] {
  const seen = new Set<string>();
  const out = vector.map((sample) => {
    const metric = withoutEmpty({ ...sample.metric, __name__: rule.name, ...rule.labels });
    const key = labelSetKey(metric);
    if (seen.has(key)) throw new PromqlEvalError('vector contains metrics with the same labelset after applying rule labels');
    seen.add(key);
    return { metric, t, v: sample.v };
  });
  if (limit > 0 && out.length > limit) throw new PromqlEvalError(`exceeded limit of ${limit} with ${out.length} series`);
  return out;
}
