import { PromqlParseError } from '../../../errors.js';
import type { LabelMatcher, MatchOp } from '../../../tsdb/index.js';
import type { Expr, MatrixSelector, Span, VectorSelector } from '../../ast.js';
import { describeToken, type Token } from './lexer.js';
import { durationMs } from './literals.js';
import { checkRegex } from './regex-check.js';
import type { Source, SyntaxNode } from './source.js';
import { unquoteString } from './string-literal.js';
import { unsupported } from './unsupported.js';

/** Builds the expression of a child node (the tree builder's entry point). */
export type BuildFn = (node: SyntaxNode) => Expr;

/** Keywords 2.42 never reads as a metric name (`sum`, `by`, `offset`… it does). */
const NOT_METRIC_NAMES = new Set(['atan2', 'on', 'ignoring', 'group_left', 'group_right', 'bool']);

/** The offsets a syntax node covers. */
export function spanOf(node: SyntaxNode): Span {
  return { start: node.from, end: node.to };
}

/** `name{matchers}`; a metric name becomes a trailing `__name__="name"` matcher, as in Prometheus. */
export function buildVectorSelector(node: SyntaxNode, source: Source): VectorSelector {
  let name: string | undefined;
  const matchers: LabelMatcher[] = [];
  for (const child of node.children) {
    if (child.name === 'Identifier') {
      const token = source.tokenAt(child.from);
      if (NOT_METRIC_NAMES.has(token.text.toLowerCase())) throw unexpected(token, '');
      name = token.text;
    } else {
      matchers.push(...child.children.map((matcher) => buildMatcher(matcher, source)));
    }
  }
  if (name !== undefined) matchers.push({ name: '__name__', op: '=', value: name });
  return { kind: 'vector', name, matchers, offsetMs: 0, span: spanOf(node) };
}

function buildMatcher(node: SyntaxNode, source: Source): LabelMatcher {
  const [label, op, value] = node.children;
  if (node.name !== 'UnquotedLabelMatcher' || !label || !op || !value) {
    throw unsupported('a quoted label name', node.from);
  }
  const matchOp = source.slice(op) as MatchOp;
  const text = unquoteString(source.tokenAt(value.from).text);
  if (matchOp === '=~' || matchOp === '!~') checkRegex(text, label.from);
  return { name: source.slice(label), op: matchOp, value: text };
}

/** The labels of `by (…)`, `on (…)`, `group_left (…)`; 2.42 refuses `inf`, `nan` and `without` there. */
export function buildLabelList(node: SyntaxNode, source: Source): string[] {
  return node.children.map((label) => {
    if (label.name !== 'LabelName') throw unsupported('a quoted label name', label.from);
    const token = source.tokenAt(label.from);
    if (token.kind === 'number' || token.text.toLowerCase() === 'without') {
      throw unexpected(token, ' in grouping opts, expected label');
    }
    return token.text;
  });
}

/** `selector[range]`: 2.42 allows a range only right after a plain vector selector. */
export function buildMatrixSelector(node: SyntaxNode, source: Source, build: BuildFn): MatrixSelector {
  const [operandNode, durationNode] = node.children as [SyntaxNode, SyntaxNode];
  const operand = build(operandNode);
  const rangeMs = literalDuration(durationNode, source);
  const bracket = source.text.lastIndexOf('[', durationNode.from);
  if (operand.kind !== 'vector') throw new PromqlParseError('ranges only allowed for vector selectors', bracket);
  if (operand.offsetMs !== 0) throw new PromqlParseError('no offset modifiers allowed before range', bracket);
  return { kind: 'matrix', selector: operand, rangeMs, span: spanOf(node) };
}

/** `expr offset d`: on a vector selector, or on a range selector's inner selector. */
export function buildOffset(node: SyntaxNode, source: Source, build: BuildFn): VectorSelector | MatrixSelector {
  const [operandNode, , durationNode] = node.children as [SyntaxNode, SyntaxNode, SyntaxNode];
  const operand = build(operandNode);
  const offsetMs = offsetDuration(durationNode, source);
  const selector = operand.kind === 'matrix' ? operand.selector : operand.kind === 'vector' ? operand : undefined;
  if (!selector) {
    throw new PromqlParseError(
      'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery',
      operand.span.start,
    );
  }
  if (selector.offsetMs !== 0) throw new PromqlParseError('offset may not be set multiple times', operand.span.start);
  const moved: VectorSelector = { ...selector, offsetMs };
  if (operand.kind === 'matrix') return { ...operand, selector: moved, span: spanOf(node) };
  return { ...moved, span: spanOf(node) };
}

/**
 * A range's or offset's duration; Prometheus 3's duration arithmetic (`[5m+1m]`,
 * `offset (1h)`) is refused. Only an offset can hold a number here: after `[` the lexer
 * already demanded a unit.
 */
function literalDuration(node: SyntaxNode, source: Source): number {
  const [literal, ...rest] = node.children;
  if (!literal || rest.length > 0 || literal.name !== 'NumberDurationLiteralInDurationContext') {
    throw unsupported('duration arithmetic', node.from);
  }
  const token = source.tokenAt(literal.from);
  if (token.kind !== 'duration') throw unexpected(token, ' in offset, expected duration');
  return durationMs(token.text, token.start);
}

/** An offset's duration: 2.42 takes one optional `-` and a duration with a unit. */
function offsetDuration(node: SyntaxNode, source: Source): number {
  const [sign, operand] = node.children;
  if (sign?.name !== 'UnaryOp' || !operand) return literalDuration(node, source);
  const signToken = source.tokenAt(sign.from);
  if (signToken.text === '+') throw unexpected(signToken, ' in offset, expected duration');
  const nested = operand.children[0];
  if (nested?.name === 'UnaryOp') throw unexpected(source.tokenAt(nested.from), ' in offset, expected duration');
  return -literalDuration(operand, source);
}

function unexpected(token: Token, context: string): PromqlParseError {
  return new PromqlParseError(`unexpected ${describeToken(token)}${context}`, token.start);
}
