/**
 * label_replace() and label_join(): rewrite one label of each sample, values and the
 * metric name untouched. Regexes are Go RE2, anchored at both ends, as in Prometheus.
 */
import { PromqlEvalError } from '../../errors.js';
import { compileRe2, expandRe2Template, Re2SyntaxError, type Re2Regex } from '../../gocompat/index.js';
import type { Metric, Vector } from '../values.js';
import type { FunctionImpl } from './function-def.js';
import { stringArg, vectorArg } from './internal/fn-args.js';
import { isValidLabelName } from './internal/metric-labels.js';

const regexCache = new Map<string, Re2Regex>();
const REGEX_CACHE_LIMIT = 1000;

function anchoredRegex(source: string): Re2Regex {
  let compiled = regexCache.get(source);
  if (compiled) return compiled;
  try {
    compiled = compileRe2(source, { anchored: true });
  } catch (error) {
    if (!(error instanceof Re2SyntaxError)) throw error;
    throw new PromqlEvalError(
      `invalid regular expression in label_replace(): ${JSON.stringify(source)}: ${error.message}; write it in RE2 syntax (https://github.com/google/re2/wiki/Syntax)`,
      { cause: error },
    );
  }
  if (regexCache.size >= REGEX_CACHE_LIMIT) regexCache.clear();
  regexCache.set(source, compiled);
  return compiled;
}

function checkLabelName(name: string, role: 'source' | 'destination', fn: string): void {
  if (!isValidLabelName(name)) {
    throw new PromqlEvalError(
      `invalid ${role} label name in ${fn}(): ${JSON.stringify(name)}; label names are letters, digits and _ and do not start with a digit`,
    );
  }
}

/** `metric` with `name` set to `value`, or removed when `value` is empty (an empty label is no label). */
function withLabel(metric: Metric, name: string, value: string): Metric {
  const { [name]: _old, ...rest } = metric;
  return value === '' ? rest : { ...rest, [name]: value };
}

const labelReplace: FunctionImpl = (args, ctx) => {
  const input = vectorArg(args, 0, 'label_replace');
  const dst = stringArg(args, 1, 'label_replace');
  const replacement = stringArg(args, 2, 'label_replace');
  const src = stringArg(args, 3, 'label_replace');
  const { regex, groupNames } = anchoredRegex(stringArg(args, 4, 'label_replace'));
  checkLabelName(dst, 'destination', 'label_replace');
  const out: Vector = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const sample = input[i] as Vector[number];
    const match = regex.exec(sample.metric[src] ?? '');
    const metric = match ? withLabel(sample.metric, dst, expandRe2Template(replacement, match, groupNames)) : sample.metric;
    out[i] = { metric, t: ctx.t, v: sample.v };
  }
  return out;
};

const labelJoin: FunctionImpl = (args, ctx) => {
  const input = vectorArg(args, 0, 'label_join');
  const dst = stringArg(args, 1, 'label_join');
  const separator = stringArg(args, 2, 'label_join');
  const sources: string[] = [];
  for (let i = 3; i < args.length; i++) sources.push(stringArg(args, i, 'label_join'));
  for (const src of sources) checkLabelName(src, 'source', 'label_join');
  checkLabelName(dst, 'destination', 'label_join');
  return input.map((sample) => {
    const joined = sources.map((src) => sample.metric[src] ?? '').join(separator);
    return { metric: withLabel(sample.metric, dst, joined), t: ctx.t, v: sample.v };
  });
};

/** The label family, by PromQL name. */
export const LABEL_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  label_replace: labelReplace,
  label_join: labelJoin,
};
