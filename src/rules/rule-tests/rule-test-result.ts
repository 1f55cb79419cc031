import type { ConfigProblem } from '../../errors.js';
import type { Metric } from '../../promql/index.js';

/** Which entry of `tests:` a failure belongs to. */
export interface TestRef {
  index: number;
  /** The test's `name`, or '' when unnamed. */
  name: string;
}

/** A firing alert as a test sees it. */
export interface AlertView {
  labels: Metric;
  annotations: Metric;
}

/** A sample as a test sees it. */
export interface SampleView {
  labels: Metric;
  value: number;
}

/** One check that did not pass, with what was expected and what the rules produced. */
export type RuleTestFailure =
  | { kind: 'alert'; test: TestRef; alertname: string; evalTimeMs: number; expected: AlertView[]; got: AlertView[] }
  | { kind: 'expr'; test: TestRef; expr: string; evalTimeMs: number; expected: SampleView[]; got: SampleView[] }
  | { kind: 'expr-error'; test: TestRef; expr: string; evalTimeMs: number; error: string }
  /** A rule failed to evaluate; promtool stops that test there, and so does guardia. */
  | { kind: 'rule-error'; test: TestRef; rule: string; timeMs: number; error: string };

/** The outcome of one test file. */
export interface RuleTestFileResult {
  file: string;
  status: 'passed' | 'failed' | 'invalid';
  /** Non-fatal notes, e.g. a `rule_files` pattern that matched nothing. */
  warnings: string[];
  failures: RuleTestFailure[];
  /** Why an invalid file could not be run, each positioned when possible. */
  problems: ConfigProblem[];
}
