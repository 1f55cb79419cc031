import type { SetOp, VectorMatching } from '../../ast.js';
import type { Vector } from '../../values.js';
import { projectionOf, type LabelProjection } from './label-projection.js';

/**
 * `and`, `or` and `unless`: samples pass whole (metric name included); sides are matched
 * on every label but `__name__` unless `on`/`ignoring` says otherwise.
 */
export function setOperation(op: SetOp, matching: VectorMatching, lhs: Vector, rhs: Vector): Vector {
  const projection = projectionOf(matching, matching.on, matching.labels);
  switch (op) {
    case 'and': {
      if (lhs.length === 0 || rhs.length === 0) return [];
      const right = signatures(rhs, projection);
      return lhs.filter((s) => right.has(projection.signature(s.metric)));
    }
    case 'or': {
      if (lhs.length === 0) return rhs;
      if (rhs.length === 0) return lhs;
      const left = signatures(lhs, projection);
      return [...lhs, ...rhs.filter((s) => !left.has(projection.signature(s.metric)))];
    }
    case 'unless': {
      if (lhs.length === 0 || rhs.length === 0) return lhs;
      const right = signatures(rhs, projection);
      return lhs.filter((s) => !right.has(projection.signature(s.metric)));
    }
  }
}

function signatures(vector: Vector, projection: LabelProjection): Set<string> {
  const out = new Set<string>();
  for (const sample of vector) out.add(projection.signature(sample.metric));
  return out;
}
