import { formatConfigProblem } from '../../errors.js';
import { formatGoFloat, formatPromDuration, sprintGoFloat } from '../../gocompat/index.js';
import type { Metric } from '../../promql/index.js';
import { compareLabelSets, formatLabelSet } from '../internal/label-set.js';
import { alertKey } from './compare-results.js';
import type { AlertView, RuleTestFailure, RuleTestFileResult, SampleView, TestRef } from './rule-test-result.js';

/**
 * The readable report of one test file: `SUCCESS`, `INVALID` (see `formatProblems`) or
 * `FAILED`, and for each failure the
 * test, the alert or expression, the evaluation time and a diff of what was expected
 * (`-`) against what the rules produced (`+`); matching lines are shown unmarked.
 */
export function formatRuleTestResult(result: RuleTestFileResult): string[] {
  const lines = [`Unit testing ${result.file}`];
  for (const warning of result.warnings) lines.push(`  WARNING: ${warning}`);
  if (result.status === 'invalid') return [...lines, `  INVALID (${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'})`];
  if (result.status === 'passed') return [...lines, '  SUCCESS'];
  lines.push(`  FAILED (${result.failures.length} ${result.failures.length === 1 ? 'check' : 'checks'}):`);
  for (const failure of result.failures) lines.push(...formatFailure(failure).map((l) => `    ${l}`));
  return lines;
}

/** Why an invalid file could not run: one `file:line:col path: message` line per problem. */
export function formatProblems(result: RuleTestFileResult): string[] {
  return result.problems.map(formatConfigProblem);
}

/** The value as Prometheus's API writes it: `0.05`, `1000000`, `NaN`, `+Inf`. */
export function formatValue(v: number): string {
  return formatGoFloat(v, 'f', -1);
}

/** A JSON-safe copy of a result: sample values become strings, since JSON has no NaN or Inf. */
export function ruleTestResultJson(result: RuleTestFileResult): unknown {
  const samples = (list: readonly SampleView[]) => list.map((s) => ({ labels: s.labels, value: formatValue(s.value) }));
  return {
    ...result,
    failures: result.failures.map((f) => (f.kind === 'expr' ? { ...f, expected: samples(f.expected), got: samples(f.got) } : f)),
  };
}

function formatFailure(failure: RuleTestFailure): string[] {
  const at = formatPromDuration(failure.kind === 'rule-error' ? failure.timeMs : failure.evalTimeMs);
  const test = testName(failure.test);
  switch (failure.kind) {
    case 'rule-error':
      return [`${test}: rule ${failure.rule} failed at ${at}, which ends this test: ${failure.error}`];
    case 'expr-error':
      return [`${test}: expr ${JSON.stringify(failure.expr)} at ${at}: ${failure.error}`];
    case 'expr': {
      const diff = diffLines(failure.expected, failure.got, (s) => `${formatLabelSet(s.labels)} ${sprintGoFloat(s.value)}`, (a, b) => a.value === b.value, (s) => s.labels);
      const nan = failure.expected.some((s) => Number.isNaN(s.value)) ? ['    (promtool 2.42 compares values with ==, so an expected NaN never matches)'] : [];
      return [`${test}: expr ${JSON.stringify(failure.expr)} at ${at} (- expected, + got)`, ...diff, ...nan];
    }
    case 'alert': {
      const diff = diffLines(failure.expected, failure.got, alertLine, (a, b) => alertKey(a) === alertKey(b), (a) => a.labels);
      const none = failure.got.length === 0 ? ['    (no alert is firing)'] : [];
      return [`${test}: alert ${failure.alertname} at ${at} (- expected, + got)`, ...diff, ...none];
    }
  }
}

function testName(ref: TestRef): string {
  return ref.name === '' ? `tests[${ref.index}]` : `tests[${ref.index}] ${JSON.stringify(ref.name)}`;
}

function alertLine(alert: AlertView): string {
  const annotations = Object.keys(alert.annotations).length > 0 ? ` annotations ${formatLabelSet(alert.annotations)}` : '';
  return `${formatLabelSet(alert.labels)}${annotations}`;
}

/**
 * Expected and got as one list in label order: items on both sides unmarked, the
 * others `- ` (expected only) or `+ ` (got only).
 */
function diffLines<T>(expected: readonly T[], got: readonly T[], show: (item: T) => string, same: (a: T, b: T) => boolean, labels: (item: T) => Metric): string[] {
  const unmatched = [...got];
  const rows: { sign: string; item: T }[] = [];
  for (const item of expected) {
    const i = unmatched.findIndex((g) => same(g, item) && show(g) === show(item));
    if (i >= 0) {
      unmatched.splice(i, 1);
      rows.push({ sign: ' ', item });
    } else {
      rows.push({ sign: '-', item });
    }
  }
  rows.push(...unmatched.map((item) => ({ sign: '+', item })));
  const rank: Record<string, number> = { '-': 0, '+': 1, ' ': 2 };
  rows.sort((a, b) => compareLabelSets(labels(a.item), labels(b.item)) || (rank[a.sign] as number) - (rank[b.sign] as number));
  return rows.map((r) => `  ${r.sign} ${show(r.item)}`);
}
