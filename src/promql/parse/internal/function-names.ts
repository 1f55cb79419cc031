import { PromqlParseError } from '../../../errors.js';
import { goQuote } from '../../../gocompat/index.js';
import { FUNCTION_SIGNATURES } from '../../functions/function-signatures.js';
import type { Token } from './lexer.js';
import { unsupported } from './unsupported.js';

/**
 * Which call names guardia refuses, and how. A name Prometheus knows but guardia does
 * not evaluate is "not supported" (the query is fine elsewhere); any other name is
 * unknown, with Prometheus 2.42's message.
 */

/** Functions of Prometheus 2.42 (or only of Prometheus 3) that guardia does not evaluate. */
const FOREIGN_FUNCTIONS: ReadonlySet<string> = new Set([
  // Prometheus 2.42
  'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'sin', 'sinh', 'tan', 'tanh', 'deg', 'rad', 'pi',
  'day_of_month', 'day_of_week', 'day_of_year', 'days_in_month', 'hour', 'minute', 'month', 'year',
  'histogram_count', 'histogram_sum', 'histogram_fraction', 'holt_winters',
  // Prometheus 3 only
  'double_exponential_smoothing', 'first_over_time', 'histogram_avg', 'histogram_quantiles', 'histogram_stddev',
  'histogram_stdvar', 'info', 'mad_over_time', 'sort_by_label', 'sort_by_label_desc', 'start_timestamp',
  'ts_of_first_over_time', 'ts_of_last_over_time', 'ts_of_max_over_time', 'ts_of_min_over_time',
  'step', 'range', 'min_of', 'max_of',
]);

/** Aggregations of Prometheus 3 that 2.42 reads as (unknown) function names. */
const FOREIGN_AGGREGATIONS: ReadonlySet<string> = new Set(['limitk', 'limit_ratio']);

/** Prometheus 3's binary-operator fill modifiers, which look like calls to 2.42's lexer. */
const FILL_MODIFIERS: ReadonlySet<string> = new Set(['fill', 'fill_left', 'fill_right']);

/** Throws unless guardia evaluates the function `name`. */
export function checkFunctionName(name: string, offset: number): void {
  if (FUNCTION_SIGNATURES.has(name)) return;
  if (FOREIGN_FUNCTIONS.has(name)) throw unsupported(`function ${goQuote(name)}`, offset);
  if (FOREIGN_AGGREGATIONS.has(name)) throw unsupported(`aggregation ${goQuote(name)}`, offset);
  throw new PromqlParseError(`unknown function with name ${goQuote(name)}`, offset);
}

/**
 * Checks every call: in 2.42 an identifier followed by `(` is always a function call.
 * A fill modifier after a binary operator is left to the tree builder, which names it.
 */
export function checkCalls(tokens: readonly Token[]): void {
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.kind !== 'identifier' || next?.text !== '(') return;
    if (FILL_MODIFIERS.has(token.text) && tokens[i - 1]?.kind === 'operator') return;
    checkFunctionName(token.text, token.start);
  });
}
