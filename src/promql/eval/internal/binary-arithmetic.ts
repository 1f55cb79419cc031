import { goAtan2, goPow } from '../../../gocompat/index.js';
import type { ArithmeticOp, BinaryOp, ComparisonOp, SetOp } from '../../ast.js';

/** `==`, `!=`, `>`, `<`, `>=`, `<=`: filters, or 0/1 with `bool`. */
export function isComparison(op: BinaryOp): op is ComparisonOp {
  return op === '==' || op === '!=' || op === '>' || op === '<' || op === '>=' || op === '<=';
}

/** `and`, `or`, `unless`: many-to-many by definition. */
export function isSetOperation(op: BinaryOp): op is SetOp {
  return op === 'and' || op === 'or' || op === 'unless';
}

/** Prometheus 2.x drops `__name__` after these operators only: not after `atan2`, not after a filtering comparison. */
export function dropsMetricName(op: BinaryOp): boolean {
  return op === '+' || op === '-' || op === '*' || op === '/' || op === '%' || op === '^';
}

/** One arithmetic operation with Go's float semantics (`%` is `math.Mod`: JS `%` matches it exactly). */
export function arithmetic(op: ArithmeticOp, lhs: number, rhs: number): number {
  switch (op) {
    case '+':
      return lhs + rhs;
    case '-':
      return lhs - rhs;
    case '*':
      return lhs * rhs;
    case '/':
      return lhs / rhs;
    case '%':
      return lhs % rhs;
    case '^':
      return goPow(lhs, rhs);
    case 'atan2':
      return goAtan2(lhs, rhs);
  }
}

/** Whether the comparison holds (false whenever NaN is involved, except for `!=`). */
export function comparison(op: ComparisonOp, lhs: number, rhs: number): boolean {
  switch (op) {
    case '==':
      return lhs === rhs;
    case '!=':
      return lhs !== rhs;
    case '>':
      return lhs > rhs;
    case '<':
      return lhs < rhs;
    case '>=':
      return lhs >= rhs;
    case '<=':
      return lhs <= rhs;
  }
}
