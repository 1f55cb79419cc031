import type { ValueType } from '../ast.js';

/** What the parser checks of a call: argument types, how many may be left out, the result type. */
export interface FunctionSignature {
  argTypes: readonly ValueType[];
  /** Trailing arguments that may be omitted (`round`'s `to_nearest`). */
  optional: number;
  /** The last argument type repeats any number of times (`label_join`'s source labels). */
  variadic: boolean;
  returnType: 'vector' | 'scalar';
}

const v = 'vector', m = 'matrix', s = 'scalar', str = 'string';

function sig(argTypes: ValueType[], returnType: 'vector' | 'scalar' = 'vector', optional = 0, variadic = false): FunctionSignature {
  return { argTypes, optional, variadic, returnType };
}

/** Every function guardia evaluates. Other Prometheus functions are refused at parse time, by name. */
export const FUNCTION_SIGNATURES: ReadonlyMap<string, FunctionSignature> = new Map([
  ['abs', sig([v])], ['ceil', sig([v])], ['floor', sig([v])], ['round', sig([v, s], 'vector', 1)],
  ['exp', sig([v])], ['ln', sig([v])], ['log2', sig([v])], ['log10', sig([v])], ['sqrt', sig([v])], ['sgn', sig([v])],
  ['clamp', sig([v, s, s])], ['clamp_min', sig([v, s])], ['clamp_max', sig([v, s])],
  ['rate', sig([m])], ['irate', sig([m])], ['increase', sig([m])], ['delta', sig([m])], ['idelta', sig([m])],
  ['deriv', sig([m])], ['predict_linear', sig([m, s])], ['changes', sig([m])], ['resets', sig([m])],
  ['avg_over_time', sig([m])], ['min_over_time', sig([m])], ['max_over_time', sig([m])], ['sum_over_time', sig([m])],
  ['count_over_time', sig([m])], ['last_over_time', sig([m])], ['quantile_over_time', sig([s, m])],
  ['stddev_over_time', sig([m])], ['stdvar_over_time', sig([m])], ['present_over_time', sig([m])],
  ['absent', sig([v])], ['absent_over_time', sig([m])],
  ['histogram_quantile', sig([s, v])],
  ['time', sig([], 'scalar')], ['timestamp', sig([v])], ['vector', sig([s])], ['scalar', sig([v], 'scalar')],
  ['sort', sig([v])], ['sort_desc', sig([v])],
  ['label_replace', sig([v, str, str, str, str])], ['label_join', sig([v, str, str, str], 'vector', 0, true)],
]);
