/**
 * Every PromQL function guardia evaluates, by name: one implementation per entry of
 * `FUNCTION_SIGNATURES`, with Prometheus 2.42's semantics.
 */
import type { FunctionImpl } from './function-def.js';
import { ABSENT_FUNCTIONS } from './absent-functions.js';
import { HISTOGRAM_FUNCTIONS } from './histogram-quantile.js';
import { LABEL_FUNCTIONS } from './label-functions.js';
import { MATH_FUNCTIONS } from './math-functions.js';
import { OVER_TIME_FUNCTIONS } from './over-time-functions.js';
import { RATE_FUNCTIONS } from './rate-functions.js';
import { TIME_FUNCTIONS } from './time-functions.js';
import { VECTOR_FUNCTIONS } from './vector-functions.js';

/** Implementations by function name; the engine looks calls up here after the parser checked them. */
export const FUNCTION_IMPLS: ReadonlyMap<string, FunctionImpl> = new Map(
  Object.entries({
    ...MATH_FUNCTIONS,
    ...RATE_FUNCTIONS,
    ...OVER_TIME_FUNCTIONS,
    ...ABSENT_FUNCTIONS,
    ...HISTOGRAM_FUNCTIONS,
    ...LABEL_FUNCTIONS,
    ...TIME_FUNCTIONS,
    ...VECTOR_FUNCTIONS,
  }),
);
