import { PromqlEvalError } from '../../errors.js';
import type { Metric, Point, PromqlEngine, Vector } from '../../promql/index.js';
import { labelSetKey } from '../internal/label-set.js';
import { RuleGroupEvaluator } from '../eval/rule-group-evaluator.js';
import { queryRule } from '../eval/rule-query.js';
import type { RuleGroup } from '../rule-group.js';
import { alertsMatch, samplesMatch, sortAlerts, sortSamples } from './compare-results.js';
import type { AlertTest, ExprTest, TestGroup } from './rule-test-file.js';
import type { AlertView, RuleTestFailure, TestRef } from './rule-test-result.js';
import { TestSeriesStore } from './test-series-store.js';

/** What every test of a file shares: the engine, the loaded groups, the evaluation interval. */
export interface TestGroupContext {
  engine: PromqlEngine;
  /** The rule groups, already in evaluation order. */
  groups: readonly RuleGroup[];
  evaluationIntervalMs: number;
}

/**
 * Runs one entry of `tests:` as promtool 2.42 does. From time 0 to the latest
 * `eval_time`, every evaluation interval: input samples up to that time are loaded, every
 * group is evaluated, and alert tests whose `eval_time` falls before the next evaluation
 * are checked against the alerts firing now. A rule error stops the test there. Then the
 * expression tests are queried against what was loaded and recorded by the last evaluation.
 */
export async function runTestGroup(test: TestGroup, context: TestGroupContext): Promise<RuleTestFailure[]> {
  const ref: TestRef = { index: test.index, name: test.name };
  const store = new TestSeriesStore();
  const evaluators = context.groups.map(
    (group) => new RuleGroupEvaluator(group, { engine: context.engine, source: store, sink: store, externalLabels: test.externalLabels, externalUrl: test.externalUrl }),
  );
  const { failures, stopped } = await evaluateRules(test, ref, store, evaluators, context.evaluationIntervalMs);
  if (stopped) return failures;
  for (const exprTest of test.exprTests) {
    const failure = await checkExpression(exprTest, ref, store, context.engine);
    if (failure) failures.push(failure);
  }
  return failures;
}

/** The evaluation loop: load, evaluate every group, check the alert tests due; stops at a rule error. */
async function evaluateRules(test: TestGroup, ref: TestRef, store: TestSeriesStore, evaluators: readonly RuleGroupEvaluator[], interval: number): Promise<{ failures: RuleTestFailure[]; stopped: boolean }> {
  const failures: RuleTestFailure[] = [];
  const samples = inputSamples(test);
  const alertTimes = [...new Set(test.alertTests.map((a) => a.evalTimeMs))].sort((a, b) => a - b);
  const maxTime = Math.max(0, ...alertTimes, ...test.exprTests.map((e) => e.evalTimeMs));
  let loaded = 0;
  let nextAlertTime = 0;
  for (let ts = 0; ts <= maxTime; ts += interval) {
    for (; loaded < samples.length && (samples[loaded] as TimedSample).point.t <= ts; loaded++) {
      store.load((samples[loaded] as TimedSample).metric, (samples[loaded] as TimedSample).point);
    }
    const errors: RuleTestFailure[] = [];
    for (const evaluator of evaluators) {
      for (const outcome of await evaluator.evaluate(ts)) {
        if (outcome.error !== undefined) errors.push({ kind: 'rule-error', test: ref, rule: outcome.rule.name, timeMs: ts, error: outcome.error });
      }
    }
    if (errors.length > 0) return { failures: [...failures, ...errors], stopped: true };
    // An eval_time between two evaluations is checked against the earlier one.
    for (; nextAlertTime < alertTimes.length && (alertTimes[nextAlertTime] as number) < ts + interval; nextAlertTime++) {
      for (const alertTest of test.alertTests.filter((a) => a.evalTimeMs === alertTimes[nextAlertTime])) {
        const failure = checkAlerts(alertTest, evaluators, ref);
        if (failure) failures.push(failure);
      }
    }
  }
  return { failures, stopped: false };
}

async function checkExpression(exprTest: ExprTest, ref: TestRef, store: TestSeriesStore, engine: PromqlEngine): Promise<RuleTestFailure | undefined> {
  let got: Vector;
  try {
    got = await queryRule(engine, store, exprTest.expr, exprTest.evalTimeMs);
  } catch (error) {
    if (!(error instanceof PromqlEvalError)) throw error;
    return { kind: 'expr-error', test: ref, expr: exprTest.exprText, evalTimeMs: exprTest.evalTimeMs, error: error.message };
  }
  const expected = sortSamples(exprTest.expected);
  const actual = sortSamples(got.map((s) => ({ labels: s.metric, value: s.v })));
  if (samplesMatch(expected, actual)) return undefined;
  return { kind: 'expr', test: ref, expr: exprTest.exprText, evalTimeMs: exprTest.evalTimeMs, expected, got: actual };
}

interface TimedSample {
  metric: Metric;
  point: Point;
}

/** Every input sample in time order; a series listed twice keeps its last definition, as in promtool. */
function inputSamples(test: TestGroup): TimedSample[] {
  const bySeries = new Map<string, TimedSample[]>();
  for (const series of test.inputSeries) {
    const samples: TimedSample[] = [];
    series.slots.forEach((slot, i) => {
      const t = i * test.intervalMs;
      if (slot === 'stale') samples.push({ metric: series.metric, point: { t, v: NaN, stale: true } });
      else if (slot !== undefined) samples.push({ metric: series.metric, point: { t, v: slot } });
    });
    bySeries.set(labelSetKey(series.metric), samples);
  }
  // A stable sort keeps each series' own order at equal times (interval 0: the first wins).
  return [...bySeries.values()].flat().sort((a, b) => a.point.t - b.point.t);
}

function checkAlerts(alertTest: AlertTest, evaluators: readonly RuleGroupEvaluator[], ref: TestRef): RuleTestFailure | undefined {
  const got: AlertView[] = [];
  for (const evaluator of evaluators) {
    for (const rule of evaluator.group.rules) {
      if (rule.kind !== 'alert' || rule.name !== alertTest.alertname) continue;
      for (const alert of evaluator.alertState(rule)?.firing() ?? []) got.push({ labels: alert.labels, annotations: alert.annotations });
    }
  }
  const expected = sortAlerts(alertTest.expected);
  const actual = sortAlerts(got);
  if (alertsMatch(expected, actual)) return undefined;
  return { kind: 'alert', test: ref, alertname: alertTest.alertname, evalTimeMs: alertTest.evalTimeMs, expected, got: actual };
}
