import type { Expr, Metric } from '../../promql/index.js';
import type { SeriesSlot } from './series-values-parser.js';

/**
 * A `promtool test rules` file, read and checked: what `readRuleTestFile()` returns and
 * what the runner executes. Times are milliseconds from the Unix epoch, where every test
 * starts.
 */
export interface RuleTestFile {
  /** The file as the user named it. */
  file: string;
  /** `rule_files` patterns, resolved against the test file's directory (globs not yet expanded). */
  ruleFiles: string[];
  evaluationIntervalMs: number;
  /** Group names in evaluation order; groups not listed come first, in file order. */
  groupEvalOrder: string[];
  tests: TestGroup[];
}

/** One entry of `tests:`: its own input series, expectations, external labels and URL. */
export interface TestGroup {
  index: number;
  /** `name:`, or '' when unnamed. */
  name: string;
  /** Spacing of the input samples; 0 (the default) puts every sample at time 0. */
  intervalMs: number;
  inputSeries: InputSeries[];
  alertTests: AlertTest[];
  exprTests: ExprTest[];
  externalLabels: Metric;
  externalUrl: string;
}

/** One `input_series` entry. */
export interface InputSeries {
  metric: Metric;
  /** One slot per interval: a value, a staleness marker, or no sample. */
  slots: SeriesSlot[];
}

/** One `alert_rule_test` entry. */
export interface AlertTest {
  evalTimeMs: number;
  alertname: string;
  expected: ExpectedAlert[];
}

/** One `exp_alerts` entry. */
export interface ExpectedAlert {
  /** `exp_labels` plus `alertname`. */
  labels: Metric;
  annotations: Metric;
}

/** One `promql_expr_test` entry; the expression is parsed when the file is read. */
export interface ExprTest {
  exprText: string;
  expr: Expr;
  evalTimeMs: number;
  expected: ExpectedSample[];
}

/** One `exp_samples` entry (a missing value is 0, as in promtool). */
export interface ExpectedSample {
  labels: Metric;
  value: number;
}
