/**
 * The PromQL syntax tree guardia evaluates: the subset the engine supports, produced by
 * `parseExpr()` from `@prometheus-io/lezer-promql`'s tree. Positions are offsets into the
 * expression text so errors can point at the construct.
 */
import type { LabelMatcher } from '../tsdb/index.js';

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';

/** `[start, end)` character offsets in the expression text. */
export interface Span {
  start: number;
  end: number;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | VectorSelector
  | MatrixSelector
  | Call
  | Aggregate
  | Binary
  | Unary
  | Paren;

export interface NumberLiteral {
  kind: 'number';
  value: number;
  span: Span;
}

export interface StringLiteral {
  kind: 'string';
  value: string;
  span: Span;
}

/** `name{matchers} offset d`; the metric name, when given, is also a `__name__ =` matcher. */
export interface VectorSelector {
  kind: 'vector';
  name: string | undefined;
  matchers: LabelMatcher[];
  /** `offset` in ms (may be negative); 0 when absent. */
  offsetMs: number;
  span: Span;
}

/** `selector[range]`; the offset lives on the inner selector. */
export interface MatrixSelector {
  kind: 'matrix';
  selector: VectorSelector;
  rangeMs: number;
  span: Span;
}

export interface Call {
  kind: 'call';
  /** A name from the function table (`functions/function-table.ts`). */
  func: string;
  args: Expr[];
  span: Span;
}

export type AggregateOp = 'sum' | 'avg' | 'min' | 'max' | 'count' | 'quantile' | 'topk' | 'bottomk' | 'stddev' | 'stdvar' | 'group';

export interface Aggregate {
  kind: 'aggregate';
  op: AggregateOp;
  expr: Expr;
  /** `k` of topk/bottomk, `φ` of quantile. */
  param: Expr | undefined;
  /** Labels of `by (…)` or `without (…)`; empty with `without: false` aggregates everything. */
  grouping: string[];
  without: boolean;
  span: Span;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^' | 'atan2';
export type ComparisonOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
export type SetOp = 'and' | 'or' | 'unless';
export type BinaryOp = ArithmeticOp | ComparisonOp | SetOp;

export type Cardinality = 'one-to-one' | 'many-to-one' | 'one-to-many' | 'many-to-many';

/** How the two sides of a vector/vector operation are paired. */
export interface VectorMatching {
  card: Cardinality;
  /** `on (labels)` when true, `ignoring (labels)` (or nothing) when false. */
  on: boolean;
  labels: string[];
  /** Extra labels copied from the "one" side: `group_left (include)`. */
  include: string[];
}

export interface Binary {
  kind: 'binary';
  op: BinaryOp;
  lhs: Expr;
  rhs: Expr;
  /** The `bool` modifier of a comparison. */
  returnBool: boolean;
  /** Set when both sides are instant vectors; set operations are always many-to-many. */
  matching: VectorMatching | undefined;
  span: Span;
}

export interface Unary {
  kind: 'unary';
  op: '-' | '+';
  expr: Expr;
  span: Span;
}

export interface Paren {
  kind: 'paren';
  expr: Expr;
  span: Span;
}
