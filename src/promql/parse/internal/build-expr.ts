import { PromqlParseError } from '../../../errors.js';
import { goQuote } from '../../../gocompat/index.js';
import type { Aggregate, AggregateOp, Call, Expr, NumberLiteral } from '../../ast.js';
import { buildBinary } from './build-binary.js';
import { buildLabelList, buildMatrixSelector, buildOffset, buildVectorSelector, spanOf } from './build-selector.js';
import { checkFunctionName } from './function-names.js';
import { describeToken } from './lexer.js';
import { numberValue } from './literals.js';
import type { Source, SyntaxNode } from './source.js';
import { unquoteString } from './string-literal.js';
import { unsupported } from './unsupported.js';

/**
 * Turns the syntax tree into guardia's `Expr`, applying the checks Prometheus 2.42 makes
 * while parsing (literal values, offsets, ranges, aggregation arguments) and refusing,
 * by name, what guardia does not evaluate. Type checks come after, in `checkExpr`.
 */

const EXPRESSIONS = new Set([
  'AggregateExpr', 'BinaryExpr', 'FunctionCall', 'MatrixSelector', 'NumberDurationLiteral', 'OffsetExpr',
  'AnchoredExpr', 'SmoothedExpr', 'ParenExpr', 'StringLiteral', 'SubqueryExpr', 'UnaryExpr', 'VectorSelector',
  'StepInvariantExpr',
]);
const AGGREGATE_OPS: ReadonlySet<string> = new Set<AggregateOp>([
  'sum', 'avg', 'min', 'max', 'count', 'quantile', 'topk', 'bottomk', 'stddev', 'stdvar', 'group',
]);
const WITH_PARAM: ReadonlySet<string> = new Set<AggregateOp>(['quantile', 'topk', 'bottomk']);
const SUBQUERY_REMEDY = 'record the inner expression with a recording rule and select a range of that';

/** The expression of the `PromQL` root node. */
export function buildTree(root: SyntaxNode, source: Source): Expr {
  const build = (node: SyntaxNode): Expr => buildNode(node, source, build);
  const [top] = root.children.filter((child) => EXPRESSIONS.has(child.name));
  if (!top) throw new PromqlParseError('no expression found in input', 0);
  return build(top);
}

function operands(node: SyntaxNode | undefined): SyntaxNode[] {
  return node ? node.children.filter((child) => EXPRESSIONS.has(child.name)) : [];
}

function buildNode(node: SyntaxNode, source: Source, build: (node: SyntaxNode) => Expr): Expr {
  const [first] = node.children;
  switch (node.name) {
    case 'NumberDurationLiteral':
      return buildNumber(node, source);
    case 'StringLiteral':
      return { kind: 'string', value: unquoteString(source.tokenAt(node.from).text), span: spanOf(node) };
    case 'VectorSelector':
      return buildVectorSelector(node, source);
    case 'MatrixSelector':
      return buildMatrixSelector(node, source, build);
    case 'OffsetExpr':
      return buildOffset(node, source, build);
    case 'ParenExpr':
      return { kind: 'paren', expr: build(operands(node)[0] as SyntaxNode), span: spanOf(node) };
    case 'UnaryExpr':
      return buildUnary(node, source, build);
    case 'BinaryExpr':
      return buildBinary(node, source, build);
    case 'FunctionCall':
      return buildCall(node, source, build);
    case 'AggregateExpr':
      return buildAggregate(node, source, build);
    case 'SubqueryExpr':
      throw unsupported('a subquery', source.text.indexOf('[', first?.to ?? node.from), SUBQUERY_REMEDY);
    case 'StepInvariantExpr':
      throw unsupported('the @ modifier', source.text.indexOf('@', first?.to ?? node.from));
    default:
      // AnchoredExpr, SmoothedExpr: Prometheus 3's range modifiers.
      throw unsupported(`the ${goQuote(source.text.slice(first?.to ?? node.from, node.to).trim())} modifier`, node.from);
  }
}

function buildNumber(node: SyntaxNode, source: Source): NumberLiteral {
  const token = source.tokenEndingAt(node.to);
  if (token.kind === 'duration') throw new PromqlParseError(`unexpected ${describeToken(token)}`, token.start);
  const value = numberValue(token.text, token.start);
  return { kind: 'number', value: source.text[node.from] === '-' ? -value : value, span: spanOf(node) };
}

/** Like Prometheus, a sign applied to a number literal is folded into the literal. */
function buildUnary(node: SyntaxNode, source: Source, build: (node: SyntaxNode) => Expr): Expr {
  const [opNode, operandNode] = node.children as [SyntaxNode, SyntaxNode];
  const op = source.slice(opNode) === '-' ? '-' : '+';
  const expr = build(operandNode);
  if (expr.kind === 'number') {
    return { kind: 'number', value: op === '-' ? -expr.value : expr.value, span: { start: node.from, end: expr.span.end } };
  }
  return { kind: 'unary', op, expr, span: spanOf(node) };
}

function buildCall(node: SyntaxNode, source: Source, build: (node: SyntaxNode) => Expr): Call {
  const [nameNode, body] = node.children as [SyntaxNode, SyntaxNode];
  const func = source.slice(nameNode);
  checkFunctionName(func, nameNode.from);
  return { kind: 'call', func, args: operands(body).map(build), span: spanOf(node) };
}

function buildAggregate(node: SyntaxNode, source: Source, build: (node: SyntaxNode) => Expr): Aggregate {
  const [opNode, ...parts] = node.children as [SyntaxNode, ...SyntaxNode[]];
  const op = source.slice(opNode).toLowerCase();
  if (!AGGREGATE_OPS.has(op)) throw unsupported(`aggregation ${goQuote(op)}`, opNode.from);
  let grouping: string[] = [];
  let without = false;
  const args: Expr[] = [];
  for (const part of parts) {
    if (part.name !== 'AggregateModifier') {
      args.push(...operands(part).map(build));
      continue;
    }
    const [keyword, labels] = part.children as [SyntaxNode, SyntaxNode];
    without = keyword.name === 'Without';
    grouping = buildLabelList(labels, source);
  }
  if (args.length === 0) throw new PromqlParseError('no arguments for aggregate expression provided', node.from);
  const wanted = WITH_PARAM.has(op) ? 2 : 1;
  const [param, expr] = wanted === 2 ? args : [undefined, args[0]];
  if (args.length !== wanted || !expr) {
    throw new PromqlParseError(
      `wrong number of arguments for aggregate expression provided, expected ${wanted}, got ${args.length}`,
      node.from,
    );
  }
  return { kind: 'aggregate', op: op as AggregateOp, expr, param, grouping, without, span: spanOf(node) };
}
