import { PromqlEvalError } from '../../../errors.js';
import type { ArithmeticOp, Binary, ComparisonOp, VectorMatching } from '../../ast.js';
import type { Metric, Vector, VectorSample } from '../../values.js';
import { arithmetic, comparison, dropsMetricName, isComparison } from './binary-arithmetic.js';
import { projectionOf, type LabelProjection } from './label-projection.js';
import { formatMetric, METRIC_NAME, metricKey } from './label-sets.js';

/**
 * An arithmetic or comparison operator between two instant vectors, with Prometheus
 * 2.42's matching rules and error texts (`VectorBinop`): one-to-one by default,
 * many-to-one or one-to-many with `group_left`/`group_right`.
 */
export function vectorBinop(node: Binary, op: ArithmeticOp | ComparisonOp, matching: VectorMatching, lhs: Vector, rhs: Vector, t: number): Vector {
  if (lhs.length === 0 || rhs.length === 0) return [];
  const projection = projectionOf(matching, matching.on, matching.labels);
  // The code below pairs each "many" sample with its "one"; group_right swaps the sides.
  const swapped = matching.card === 'one-to-many';
  const many = swapped ? rhs : lhs;
  const ones = indexOneSide(swapped ? lhs : rhs, projection, swapped);
  const comparing = isComparison(op);
  const matched = new Map<string, Set<string> | null>();
  const out: Vector = [];
  for (const sample of many) {
    const signature = projection.signature(sample.metric);
    const one = ones.get(signature);
    if (!one) continue;
    const l = swapped ? one.v : sample.v;
    const r = swapped ? sample.v : one.v;
    let value: number;
    let keep = true;
    if (comparing) {
      keep = comparison(op as ComparisonOp, l, r);
      value = l;
    } else {
      value = arithmetic(op as ArithmeticOp, l, r);
    }
    if (node.returnBool) value = keep ? 1 : 0;
    else if (!keep) continue;
    const metric = resultMetric(node, matching, sample.metric, one.metric);
    checkUnique(matched, matching, signature, metric);
    out.push({ metric, t, v: value });
  }
  return out;
}

function indexOneSide(side: Vector, projection: LabelProjection, swapped: boolean): Map<string, VectorSample> {
  const index = new Map<string, VectorSample>();
  for (const sample of side) {
    const signature = projection.signature(sample.metric);
    const duplicate = index.get(signature);
    if (duplicate) {
      throw new PromqlEvalError(
        `found duplicate series for the match group ${formatMetric(projection.project(sample.metric))} on the ${swapped ? 'left' : 'right'} ` +
          `hand-side of the operation: [${formatMetric(sample.metric)}, ${formatMetric(duplicate.metric)}]` +
          ';many-to-many matching not allowed: matching labels must be unique on one side',
      );
    }
    index.set(signature, sample);
  }
  return index;
}

function checkUnique(matched: Map<string, Set<string> | null>, matching: VectorMatching, signature: string, metric: Metric): void {
  const seen = matched.get(signature);
  if (matching.card === 'one-to-one') {
    if (seen !== undefined) throw new PromqlEvalError('multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)');
    matched.set(signature, null);
    return;
  }
  const key = metricKey(metric);
  if (!seen) matched.set(signature, new Set([key]));
  else if (seen.has(key)) throw new PromqlEvalError('multiple matches for labels: grouping labels must ensure unique matches');
  else seen.add(key);
}

// Result metrics are cached per node and input pair so that a rule evaluated every few
// seconds reuses the same metric objects (and their cached keys) instead of rebuilding them.
const resultCache = new WeakMap<Binary, WeakMap<Metric, WeakMap<Metric, Metric>>>();

function resultMetric(node: Binary, matching: VectorMatching, many: Metric, one: Metric): Metric {
  let byMany = resultCache.get(node);
  if (!byMany) resultCache.set(node, (byMany = new WeakMap()));
  let byOne = byMany.get(many);
  if (!byOne) byMany.set(many, (byOne = new WeakMap()));
  let metric = byOne.get(one);
  if (!metric) byOne.set(one, (metric = buildResultMetric(node, matching, many, one)));
  return metric;
}

function buildResultMetric(node: Binary, matching: VectorMatching, many: Metric, one: Metric): Metric {
  const out: Record<string, string> = { ...many };
  if (dropsMetricName(node.op) || node.returnBool) delete out[METRIC_NAME];
  if (matching.card === 'one-to-one') {
    if (matching.on) {
      for (const name of Object.keys(out)) if (!matching.labels.includes(name)) delete out[name];
    } else {
      for (const name of matching.labels) delete out[name];
    }
  }
  // group_x(labels) copies labels from the "one" side, and removes them when it lacks them.
  for (const name of matching.include) {
    const value = one[name];
    if (value) out[name] = value;
    else delete out[name];
  }
  return Object.freeze(out);
}
