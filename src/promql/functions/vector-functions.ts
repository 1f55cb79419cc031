/** Conversions between scalars and vectors, and ordering: vector scalar sort sort_desc. */
import type { Vector } from '../values.js';
import type { FunctionImpl } from './function-def.js';
import { scalarArg, vectorArg } from './internal/fn-args.js';
import { EMPTY_METRIC } from './internal/metric-labels.js';

const vector: FunctionImpl = (args, ctx) => [{ metric: EMPTY_METRIC, t: ctx.t, v: scalarArg(args, 0, 'vector') }];

/** The single sample's value; NaN for an empty vector or more than one sample. */
const scalar: FunctionImpl = (args) => {
  const input = vectorArg(args, 0, 'scalar');
  return input.length === 1 ? (input[0] as Vector[number]).v : NaN;
};

/**
 * Orders by value, keeping labels (the metric name too), NaNs last. Equal values keep
 * their order and NaNs come out reversed: what Go's insertion sort, which Prometheus's
 * `sort.Sort` uses for up to 12 samples, does with its NaN-first comparison.
 */
function sortByValue(input: Vector, t: number, descending: boolean): Vector {
  const numbers: Vector = [];
  const nans: Vector = [];
  for (const sample of input) (Number.isNaN(sample.v) ? nans : numbers).push({ metric: sample.metric, t, v: sample.v });
  numbers.sort(descending ? (a, b) => b.v - a.v : (a, b) => a.v - b.v);
  return numbers.concat(nans.reverse());
}

/** The vector family, by PromQL name. */
export const VECTOR_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  vector,
  scalar,
  sort: (args, ctx) => sortByValue(vectorArg(args, 0, 'sort'), ctx.t, false),
  sort_desc: (args, ctx) => sortByValue(vectorArg(args, 0, 'sort_desc'), ctx.t, true),
};
