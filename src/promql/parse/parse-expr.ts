import { PromqlParseError } from '../../errors.js';
import type { Expr } from '../ast.js';
import { buildTree } from './internal/build-expr.js';
import { checkExpr } from './internal/check-expr.js';
import { checkCalls } from './internal/function-names.js';
import { lex } from './internal/lexer.js';
import { Source } from './internal/source.js';
import { parseSyntaxTree } from './internal/syntax-tree.js';

/**
 * Parses a PromQL expression with Prometheus 2.42's rules: what promtool 2.42 accepts
 * parses (unless guardia does not evaluate it, which is refused by name), everything
 * else throws `PromqlParseError` with promtool's message and the offset of the problem.
 *
 * The 2.42 lexer runs first (lexical errors, function names), then lezer's grammar
 * gives the tree, then the tree is built and type-checked.
 */
export function parseExpr(text: string): Expr {
  const tokens = lex(text);
  if (tokens.length === 0) throw new PromqlParseError('no expression found in input', 0);
  checkCalls(tokens);
  const source = new Source(text, tokens);
  try {
    const expr = buildTree(parseSyntaxTree(source), source);
    checkExpr(expr);
    return expr;
  } catch (error) {
    // Thousands of chained operators exhaust the stack; that is the query's to split, not a crash.
    if (!(error instanceof RangeError)) throw error;
    throw new PromqlParseError('the expression is nested too deeply; split it into recording rules', 0, { cause: error });
  }
}
