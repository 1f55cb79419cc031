import type { LabelMatcher } from '../../../tsdb/index.js';
import type { AggregateOp, BinaryOp, VectorMatching } from '../../ast.js';

/**
 * Span-free builders of expected trees for the parser's tests, compared with
 * `strip(parseExpr(text))`.
 */

/** A tree without spans. */
export type Bare = { [key: string]: unknown };

/** `value` with every `span` (and undefined field) removed. */
export function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Bare = {};
  for (const [key, field] of Object.entries(value)) {
    if (key !== 'span' && field !== undefined) out[key] = strip(field);
  }
  return out;
}

export const num = (value: number): Bare => ({ kind: 'number', value });
export const str = (value: string): Bare => ({ kind: 'string', value });
export const eq = (name: string, value: string): LabelMatcher => ({ name, op: '=', value });
export const re = (name: string, value: string): LabelMatcher => ({ name, op: '=~', value });

/** `name{matchers} offset …`, with the `__name__` matcher appended as the parser does. */
export function sel(name: string | undefined, matchers: LabelMatcher[] = [], offsetMs = 0): Bare {
  const all = name === undefined ? matchers : [...matchers, eq('__name__', name)];
  return name === undefined
    ? { kind: 'vector', matchers: all, offsetMs }
    : { kind: 'vector', name, matchers: all, offsetMs };
}

export const matrix = (selector: Bare, rangeMs: number): Bare => ({ kind: 'matrix', selector, rangeMs });
export const call = (func: string, ...args: Bare[]): Bare => ({ kind: 'call', func, args });
export const paren = (expr: Bare): Bare => ({ kind: 'paren', expr });
export const unary = (op: '-' | '+', expr: Bare): Bare => ({ kind: 'unary', op, expr });

export function agg(op: AggregateOp, expr: Bare, options: { param?: Bare; by?: string[]; without?: string[] } = {}): Bare {
  const out: Bare = { kind: 'aggregate', op, expr, grouping: options.without ?? options.by ?? [], without: Boolean(options.without) };
  if (options.param) out.param = options.param;
  return out;
}

/** A binary expression; pass `matching` (defaults filled in) for vector/vector operations only. */
export function bin(op: BinaryOp, lhs: Bare, rhs: Bare, matching?: Partial<VectorMatching>, returnBool = false): Bare {
  const out: Bare = { kind: 'binary', op, lhs, rhs, returnBool };
  if (matching) out.matching = { card: 'one-to-one', on: false, labels: [], include: [], ...matching };
  return out;
}
