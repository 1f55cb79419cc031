import type { Expr, ValueType } from '../ast.js';
import { FUNCTION_SIGNATURES } from '../functions/function-signatures.js';

/** The type of a parsed expression's value: what `instantQuery` returns for it. */
export function exprType(expr: Expr): ValueType {
  switch (expr.kind) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'vector':
    case 'aggregate':
      return 'vector';
    case 'matrix':
      return 'matrix';
    case 'call':
      return FUNCTION_SIGNATURES.get(expr.func)?.returnType ?? 'vector';
    case 'binary':
      return exprType(expr.lhs) === 'scalar' && exprType(expr.rhs) === 'scalar' ? 'scalar' : 'vector';
    case 'unary':
    case 'paren':
      return exprType(expr.expr);
  }
}
