import { PromqlParseError } from '../../../errors.js';
import { goQuote } from '../../../gocompat/index.js';
import type { LabelMatcher } from '../../../tsdb/index.js';
import type { Aggregate, Binary, Call, Expr, ValueType, VectorSelector } from '../../ast.js';
import { FUNCTION_SIGNATURES } from '../../functions/function-signatures.js';
import { checkRegex } from './regex-check.js';

/**
 * Prometheus 2.42's type checks (its `checkAST`), run once the whole tree is built and in
 * the same order, so the first error reported is the one promtool reports. Also settles
 * each binary expression's matching: kept only between two instant vectors, and
 * many-to-many for set operators.
 */

const COMPARISONS = new Set(['==', '!=', '>', '<', '>=', '<=']);
const SET_OPERATORS = new Set(['and', 'or', 'unless']);
const DOCUMENTED: Readonly<Record<ValueType, string>> = {
  scalar: 'scalar', string: 'string', vector: 'instant vector', matrix: 'range vector',
};

function fail(message: string, offset: number): never {
  throw new PromqlParseError(message, offset);
}

/** Validates `expr` and returns its type. */
export function checkExpr(expr: Expr): ValueType {
  switch (expr.kind) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'paren':
      return checkExpr(expr.expr);
    case 'vector':
      checkSelector(expr);
      return 'vector';
    case 'matrix':
      checkSelector(expr.selector);
      return 'matrix';
    case 'unary': {
      const type = checkExpr(expr.expr);
      if (type !== 'scalar' && type !== 'vector') {
        const message = `unary expression only allowed on expressions of type scalar or instant vector, got "${DOCUMENTED[type]}"`;
        fail(message, expr.span.start);
      }
      return type;
    }
    case 'call':
      return checkCall(expr);
    case 'aggregate':
      return checkAggregate(expr);
    case 'binary':
      return checkBinary(expr);
  }
}

function checkSelector(selector: VectorSelector): void {
  const { name, matchers, span } = selector;
  if (name !== undefined) {
    // The last matcher is the one made from the name; any other `__name__` sets it again.
    const other = matchers.slice(0, -1).find((m) => m.name === '__name__');
    if (other) fail(`metric name must not be set twice: ${goQuote(name)} or ${goQuote(other.value)}`, span.start);
    return;
  }
  // A selector whose every matcher accepts "" would select every series, so Prometheus refuses it.
  if (matchers.every((m) => matchesEmpty(m, span.start))) {
    fail('vector selector must contain at least one non-empty matcher', span.start);
  }
}

/** Prometheus's `Matcher.Matches("")`, with regexes read as RE2. */
function matchesEmpty(matcher: LabelMatcher, offset: number): boolean {
  switch (matcher.op) {
    case '=':
      return matcher.value === '';
    case '!=':
      return matcher.value !== '';
    case '=~':
      return checkRegex(matcher.value, offset).test('');
    case '!~':
      return !checkRegex(matcher.value, offset).test('');
  }
}

function checkCall(call: Call): ValueType {
  const signature = FUNCTION_SIGNATURES.get(call.func);
  if (!signature) return fail(`unknown function with name ${goQuote(call.func)}`, call.span.start);
  const { argTypes, optional, variadic } = signature;
  const count = call.args.length;
  const min = argTypes.length - optional - (variadic ? 1 : 0);
  const max = variadic ? Infinity : argTypes.length;
  const where = `argument(s) in call to ${goQuote(call.func)}, got ${count}`;
  if (min === max && count !== min) fail(`expected ${min} ${where}`, call.span.start);
  if (count < min) fail(`expected at least ${min} ${where}`, call.span.start);
  if (count > max) fail(`expected at most ${max} ${where}`, call.span.start);
  call.args.forEach((arg, i) => {
    const want = argTypes[Math.min(i, argTypes.length - 1)] as ValueType;
    const got = checkExpr(arg);
    if (got !== want) {
      fail(`expected type ${DOCUMENTED[want]} in call to function ${goQuote(call.func)}, got ${DOCUMENTED[got]}`, arg.span.start);
    }
  });
  return signature.returnType;
}

function checkAggregate(aggregate: Aggregate): ValueType {
  const type = checkExpr(aggregate.expr);
  if (type !== 'vector') {
    fail(`expected type instant vector in aggregation expression, got ${DOCUMENTED[type]}`, aggregate.expr.span.start);
  }
  if (aggregate.param) {
    const paramType = checkExpr(aggregate.param);
    if (paramType !== 'scalar') {
      fail(`expected type scalar in aggregation parameter, got ${DOCUMENTED[paramType]}`, aggregate.param.span.start);
    }
  }
  return 'vector';
}

function checkBinary(binary: Binary): ValueType {
  const { op, lhs, rhs, returnBool } = binary;
  const lt = checkExpr(lhs);
  const rt = checkExpr(rhs);
  const at = lhs.span.end;
  const isSet = SET_OPERATORS.has(op);
  if (returnBool && !COMPARISONS.has(op)) fail('bool modifier can only be used on comparison operators', at);
  if (COMPARISONS.has(op) && !returnBool && lt === 'scalar' && rt === 'scalar') {
    fail('comparisons between scalars must use BOOL modifier', at);
  }
  const matching = binary.matching ?? { card: 'one-to-one', on: false, labels: [], include: [] };
  const repeated = matching.on ? matching.labels.find((l) => matching.include.includes(l)) : undefined;
  if (repeated !== undefined) fail(`label ${goQuote(repeated)} must not occur in ON and GROUP clause at once`, at);
  const operandError = 'binary expression must contain only scalar and instant vector types';
  if (lt !== 'scalar' && lt !== 'vector') fail(operandError, lhs.span.start);
  if (rt !== 'scalar' && rt !== 'vector') fail(operandError, rhs.span.start);
  if (lt !== 'vector' || rt !== 'vector') {
    if (matching.labels.length > 0) fail('vector matching only allowed between instant vectors', binary.span.start);
    binary.matching = undefined;
  } else if (isSet) {
    if (matching.card === 'many-to-one' || matching.card === 'one-to-many') {
      fail(`no grouping allowed for ${goQuote(op)} operation`, binary.span.start);
    }
    binary.matching = { ...matching, card: 'many-to-many' };
  }
  if (isSet && (lt === 'scalar' || rt === 'scalar')) {
    fail(`set operator ${goQuote(op)} not allowed in binary scalar expression`, binary.span.start);
  }
  return lt === 'scalar' && rt === 'scalar' ? 'scalar' : 'vector';
}
