/**
 * Typed access to a function's evaluated arguments. The parser has already checked
 * them against `FUNCTION_SIGNATURES`, so a mismatch here is an engine bug, reported
 * as an evaluation error rather than a crash.
 */
import { PromqlEvalError } from '../../../errors.js';
import type { Vector } from '../../values.js';
import type { FnArg } from '../function-def.js';

/** A range-vector argument: its series and the window they were cut to. */
export type MatrixArg = Extract<FnArg, { type: 'matrix' }>;

function argOf<T extends FnArg['type']>(args: readonly FnArg[], index: number, type: T, fn: string): Extract<FnArg, { type: T }> {
  const arg = args[index];
  if (arg?.type !== type) {
    throw new PromqlEvalError(
      `${fn}() expects a ${type} as argument ${index + 1} but got ${arg ? `a ${arg.type}` : 'nothing'}; the expression does not match the function's signature`,
    );
  }
  return arg as Extract<FnArg, { type: T }>;
}

/** Argument `index` as a number; throws `PromqlEvalError` if it is not a scalar. */
export function scalarArg(args: readonly FnArg[], index: number, fn: string): number {
  return argOf(args, index, 'scalar', fn).v;
}

/** Argument `index` as a string; throws `PromqlEvalError` if it is not a string. */
export function stringArg(args: readonly FnArg[], index: number, fn: string): string {
  return argOf(args, index, 'string', fn).v;
}

/** Argument `index` as an instant vector; throws `PromqlEvalError` otherwise. */
export function vectorArg(args: readonly FnArg[], index: number, fn: string): Vector {
  return argOf(args, index, 'vector', fn).vector;
}

/** Argument `index` as a range vector with its window; throws `PromqlEvalError` otherwise. */
export function matrixArg(args: readonly FnArg[], index: number, fn: string): MatrixArg {
  return argOf(args, index, 'matrix', fn);
}
