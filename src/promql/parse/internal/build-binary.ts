import { goQuote } from '../../../gocompat/index.js';
import type { Binary, BinaryOp, Cardinality, VectorMatching } from '../../ast.js';
import { buildLabelList, spanOf, type BuildFn } from './build-selector.js';
import type { Source, SyntaxNode } from './source.js';
import { unsupported } from './unsupported.js';

const OPERATORS: Readonly<Record<string, BinaryOp>> = {
  Pow: '^', Mul: '*', Div: '/', Mod: '%', Atan2: 'atan2', Add: '+', Sub: '-',
  Eql: '==', Neq: '!=', Gtr: '>', Lss: '<', Gte: '>=', Lte: '<=',
  And: 'and', Or: 'or', Unless: 'unless',
};

/**
 * `lhs op [bool] [on|ignoring (…) [group_left|group_right (…)]] rhs`. The matching is
 * recorded as written; `checkExpr` validates it once the operand types are known and
 * keeps it only between two instant vectors.
 */
export function buildBinary(node: SyntaxNode, source: Source, build: BuildFn): Binary {
  const [lhsNode, opNode, ...modifiers] = node.children as [SyntaxNode, SyntaxNode, ...SyntaxNode[]];
  const rhsNode = modifiers.pop() as SyntaxNode;
  const lhs = build(lhsNode);
  const op = OPERATORS[opNode.name];
  if (!op) throw unsupported(`the ${goQuote(source.slice(opNode))} operator`, opNode.from);
  let returnBool = false;
  let matching: VectorMatching = { card: 'one-to-one', on: false, labels: [], include: [] };
  for (const modifier of modifiers) {
    if (modifier.name === 'BoolModifier') returnBool = true;
    else if (modifier.name === 'MatchingModifierClause') matching = buildMatching(modifier, source);
    else throw unsupported('a fill modifier', modifier.from);
  }
  const rhs = build(rhsNode);
  return { kind: 'binary', op, lhs, rhs, returnBool, matching, span: spanOf(node) };
}

function buildMatching(node: SyntaxNode, source: Source): VectorMatching {
  const [keyword, labels, group, include] = node.children as [SyntaxNode, SyntaxNode, SyntaxNode?, SyntaxNode?];
  let card: Cardinality = 'one-to-one';
  if (group?.name === 'GroupLeft') card = 'many-to-one';
  if (group?.name === 'GroupRight') card = 'one-to-many';
  return {
    card,
    on: keyword.name === 'On',
    labels: buildLabelList(labels, source),
    include: include ? buildLabelList(include, source) : [],
  };
}
