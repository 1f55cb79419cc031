/**
 * Per-sample arithmetic: abs ceil floor round exp ln log2 log10 sqrt sgn clamp
 * clamp_min clamp_max. Each drops the metric name, as Prometheus does.
 */
import { goExp, goLog, goLog10, goLog2 } from '../../gocompat/index.js';
import type { Vector } from '../values.js';
import type { FunctionImpl } from './function-def.js';
import { scalarArg, vectorArg } from './internal/fn-args.js';
import { dropMetricName } from './internal/metric-labels.js';

function mapValues(input: Vector, t: number, f: (v: number) => number): Vector {
  const out: Vector = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const sample = input[i] as Vector[number];
    out[i] = { metric: dropMetricName(sample.metric), t, v: f(sample.v) };
  }
  return out;
}

function simple(name: string, f: (v: number) => number): FunctionImpl {
  return (args, ctx) => mapValues(vectorArg(args, 0, name), ctx.t, f);
}

const round: FunctionImpl = (args, ctx) => {
  const toNearest = args.length > 1 ? scalarArg(args, 1, 'round') : 1;
  // Prometheus multiplies by the inverse (fewer representation errors) and rounds ties up.
  const inverse = 1 / toNearest;
  return mapValues(vectorArg(args, 0, 'round'), ctx.t, (v) => Math.floor(v * inverse + 0.5) / inverse);
};

const clamp: FunctionImpl = (args, ctx) => {
  const min = scalarArg(args, 1, 'clamp');
  const max = scalarArg(args, 2, 'clamp');
  if (max < min) return [];
  return mapValues(vectorArg(args, 0, 'clamp'), ctx.t, (v) => Math.max(min, Math.min(max, v)));
};

const clampMin: FunctionImpl = (args, ctx) => {
  const min = scalarArg(args, 1, 'clamp_min');
  return mapValues(vectorArg(args, 0, 'clamp_min'), ctx.t, (v) => Math.max(min, v));
};

const clampMax: FunctionImpl = (args, ctx) => {
  const max = scalarArg(args, 1, 'clamp_max');
  return mapValues(vectorArg(args, 0, 'clamp_max'), ctx.t, (v) => Math.min(max, v));
};

/** The math family, by PromQL name. */
export const MATH_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  abs: simple('abs', Math.abs),
  ceil: simple('ceil', Math.ceil),
  floor: simple('floor', Math.floor),
  round,
  // Go's own algorithms: V8's Math.exp/log differ from them in the last bit.
  exp: simple('exp', goExp),
  ln: simple('ln', goLog),
  log2: simple('log2', goLog2),
  log10: simple('log10', goLog10),
  sqrt: simple('sqrt', Math.sqrt),
  sgn: simple('sgn', (v) => (v < 0 ? -1 : v > 0 ? 1 : v)),
  clamp,
  clamp_min: clampMin,
  clamp_max: clampMax,
};
