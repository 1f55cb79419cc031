import type { Source, SyntaxNode } from './source.js';

/**
 * Reshapes lezer's tree where Prometheus 2.42's grammar binds differently:
 *
 * - Postfix modifiers (`offset`, `[range]`, `@`, subqueries) bind tighter than any
 *   operator in 2.42 (`a - a offset 1d` is `a - (a offset 1d)`), while lezer applies
 *   them to the whole expression on their left. They are pushed down to the rightmost
 *   operand.
 * - lezer reads `-2 ^ 2` as the literal `-2` squared; in 2.42 unary minus binds looser
 *   than `^`, so it is `-(2 ^ 2)`.
 */

const POSTFIX = new Set(['OffsetExpr', 'MatrixSelector', 'SubqueryExpr', 'StepInvariantExpr', 'AnchoredExpr', 'SmoothedExpr']);
const OPERATIONS = new Set(['BinaryExpr', 'UnaryExpr']);

/** The tree with 2.42's binding, built bottom-up. */
export function reassociate(node: SyntaxNode, source: Source): SyntaxNode {
  const result = { ...node, children: node.children.map((child) => reassociate(child, source)) };
  if (POSTFIX.has(result.name)) return pushDown(result);
  if (result.name === 'BinaryExpr') return liftSign(result, source);
  return result;
}

function pushDown(postfix: SyntaxNode): SyntaxNode {
  const [operand, ...modifier] = postfix.children;
  if (!operand || !OPERATIONS.has(operand.name)) return postfix;
  const last = operand.children[operand.children.length - 1];
  if (!last) return postfix;
  const moved = pushDown({ name: postfix.name, from: last.from, to: postfix.to, children: [last, ...modifier] });
  return { ...operand, to: postfix.to, children: [...operand.children.slice(0, -1), moved] };
}

function liftSign(binary: SyntaxNode, source: Source): SyntaxNode {
  const [lhs, op, ...rest] = binary.children;
  if (!lhs || op?.name !== 'Pow' || lhs.name !== 'NumberDurationLiteral') return binary;
  const sign = source.text[lhs.from];
  if (sign !== '-' && sign !== '+') return binary;
  const number = source.tokenEndingAt(lhs.to);
  const unsigned: SyntaxNode = { name: 'NumberDurationLiteral', from: number.start, to: lhs.to, children: [] };
  const power: SyntaxNode = { name: 'BinaryExpr', from: number.start, to: binary.to, children: [unsigned, op, ...rest] };
  const unaryOp: SyntaxNode = { name: 'UnaryOp', from: lhs.from, to: lhs.from + 1, children: [] };
  return { name: 'UnaryExpr', from: binary.from, to: binary.to, children: [unaryOp, power] };
}
