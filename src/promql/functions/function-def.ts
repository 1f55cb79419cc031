import type { Call } from '../ast.js';
import type { Matrix, Vector } from '../values.js';

/** An evaluated argument, as the function table receives it. */
export type FnArg =
  | { type: 'scalar'; v: number }
  | { type: 'string'; v: string }
  | { type: 'vector'; vector: Vector }
  /**
   * A range-vector argument: each series holds its points with `rangeStart <= t <= rangeEnd`,
   * staleness markers removed; `rangeEnd` is the evaluation time minus the selector's offset.
   */
  | { type: 'matrix'; matrix: Matrix; rangeStart: number; rangeEnd: number };

export interface FnContext {
  /** Evaluation time, ms. */
  t: number;
  /** The call being evaluated; `absent()` reads label matchers from its argument's syntax. */
  call: Call;
}

/**
 * The implementation of one function whose signature is in `FUNCTION_SIGNATURES`. Returns
 * a vector whose samples carry `t` = evaluation time, or a number for scalar functions.
 * Functions that compute a new value drop `__name__` from the result's metric.
 */
export type FunctionImpl = (args: readonly FnArg[], ctx: FnContext) => Vector | number;
