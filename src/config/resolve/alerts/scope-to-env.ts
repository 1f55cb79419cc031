import type { Expr } from '../../../promql/index.js';

/**
 * Adds `env="<env>"` to every selector of `expr` that does not match on `env` already,
 * so a rule under an environment sees only that environment's series. Mutates `expr`.
 */
export function scopeToEnv(expr: Expr, env: string): Expr {
  switch (expr.kind) {
    case 'vector':
      if (!expr.matchers.some((m) => m.name === 'env')) expr.matchers.push({ name: 'env', op: '=', value: env });
      break;
    case 'matrix':
      scopeToEnv(expr.selector, env);
      break;
    case 'call':
      for (const arg of expr.args) scopeToEnv(arg, env);
      break;
    case 'aggregate':
      scopeToEnv(expr.expr, env);
      if (expr.param) scopeToEnv(expr.param, env);
      break;
    case 'binary':
      scopeToEnv(expr.lhs, env);
      scopeToEnv(expr.rhs, env);
      break;
    case 'unary':
    case 'paren':
      scopeToEnv(expr.expr, env);
      break;
    default:
      break;
  }
  return expr;
}
