import { PromqlEvalError } from '../../../errors.js';
import type { ArithmeticOp, Binary, ComparisonOp, VectorMatching } from '../../ast.js';
import type { FnArg } from '../../functions/function-def.js';
import type { Vector } from '../../values.js';
import { arithmetic, comparison, dropsMetricName, isComparison, isSetOperation } from './binary-arithmetic.js';
import { assertDistinctLabelSets, dropMetricName } from './label-sets.js';
import { setOperation } from './set-operations.js';
import { vectorBinop } from './vector-matching.js';

const DEFAULT_MATCHING: VectorMatching = { card: 'one-to-one', on: false, labels: [], include: [] };

/** Applies a binary operator to its evaluated operands at time `t`. */
export function evalBinary(node: Binary, lhs: FnArg, rhs: FnArg, t: number): FnArg {
  const { op } = node;
  if (lhs.type === 'scalar' && rhs.type === 'scalar' && !isSetOperation(op)) {
    // Scalar comparisons always carry `bool` (the parser insists), so they yield 0 or 1.
    const v = isComparison(op) ? Number(comparison(op, lhs.v, rhs.v)) : arithmetic(op, lhs.v, rhs.v);
    return { type: 'scalar', v };
  }
  if (lhs.type === 'vector' && rhs.type === 'vector') {
    const matching = node.matching ?? DEFAULT_MATCHING;
    if (isSetOperation(op)) return { type: 'vector', vector: setOperation(op, matching, lhs.vector, rhs.vector) };
    return checked(node, vectorBinop(node, op, matching, lhs.vector, rhs.vector, t));
  }
  if (!isSetOperation(op)) {
    if (lhs.type === 'vector' && rhs.type === 'scalar') return checked(node, vectorScalar(node, op, lhs.vector, rhs.v, false, t));
    if (lhs.type === 'scalar' && rhs.type === 'vector') return checked(node, vectorScalar(node, op, rhs.vector, lhs.v, true, t));
  }
  throw new PromqlEvalError(`operator "${op}" is not defined between ${lhs.type} and ${rhs.type}; check the expression's operand types`);
}

/**
 * Only dropping `__name__` can make two results share a label set (matching already
 * rejects the other collisions), so filtering comparisons skip the check.
 */
function checked(node: Binary, vector: Vector): FnArg {
  if (dropsMetricName(node.op) || node.returnBool) assertDistinctLabelSets(vector);
  return { type: 'vector', vector };
}

/** Vector and scalar (`scalarOnLeft` when written `1 - v`); a comparison keeps the vector's value. */
function vectorScalar(node: Binary, op: ArithmeticOp | ComparisonOp, vector: Vector, scalar: number, scalarOnLeft: boolean, t: number): Vector {
  const drop = dropsMetricName(op) || node.returnBool;
  const comparing = isComparison(op);
  const out: Vector = [];
  for (const sample of vector) {
    const l = scalarOnLeft ? scalar : sample.v;
    const r = scalarOnLeft ? sample.v : scalar;
    let value: number;
    let keep = true;
    if (comparing) {
      keep = comparison(op as ComparisonOp, l, r);
      value = sample.v;
    } else {
      value = arithmetic(op as ArithmeticOp, l, r);
    }
    if (node.returnBool) value = keep ? 1 : 0;
    else if (!keep) continue;
    out.push({ metric: drop ? dropMetricName(sample.metric) : sample.metric, t, v: value });
  }
  return out;
}
