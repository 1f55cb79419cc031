/** time() and timestamp(). */
import type { FunctionImpl } from './function-def.js';
import { vectorArg } from './internal/fn-args.js';
import { dropMetricName } from './internal/metric-labels.js';

/** The evaluation time in seconds since the epoch. */
const time: FunctionImpl = (_args, ctx) => ctx.t / 1000;

/** Each sample's own timestamp in seconds (the engine passes it in the sample's `t`). */
const timestamp: FunctionImpl = (args, ctx) =>
  vectorArg(args, 0, 'timestamp').map((sample) => ({ metric: dropMetricName(sample.metric), t: ctx.t, v: sample.t / 1000 }));

/** The time family, by PromQL name. */
export const TIME_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = { time, timestamp };
