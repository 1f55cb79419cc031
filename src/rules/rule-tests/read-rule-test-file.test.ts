import { describe, expect, it } from 'vitest';
import { ConfigError, formatConfigProblem } from '../../errors.js';
import { parseRuleTestFile } from './read-rule-test-file.js';

function problems(text: string): string[] {
  try {
    parseRuleTestFile(text, 'dir/t.yml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatConfigProblem);
    throw error;
  }
  return [];
}

describe('parseRuleTestFile', () => {
  it('reads every part of a promtool test file', () => {
    const file = parseRuleTestFile(
      `rule_files: [rules.yml, /abs/other.yml, 'sub/*.yml']
evaluation_interval: 30s
group_eval_order: [b, a]
tests:
  - name: down
    interval: 1m
    external_labels: { region: eu }
    external_url: http://prom
    input_series:
      - series: 'up{job="api"}'
        values: '1 0 _ stale 1+1x2'
    alert_rule_test:
      - eval_time: 5m
        alertname: Down
        exp_alerts:
          - exp_labels: { severity: page }
            exp_annotations: { summary: down }
    promql_expr_test:
      - expr: sum(up)
        eval_time: 1m30s
        exp_samples:
          - labels: '{}'
            value: 1_000
          - labels: 'up{job="api"}'
            value: .inf
          - labels: ''
`,
      'dir/t.yml',
    );
    expect(file).toMatchObject({ file: 'dir/t.yml', ruleFiles: ['dir/rules.yml', '/abs/other.yml', 'dir/sub/*.yml'], evaluationIntervalMs: 30_000, groupEvalOrder: ['b', 'a'] });
    const [test] = file.tests;
    expect(test).toMatchObject({ index: 0, name: 'down', intervalMs: 60_000, externalLabels: { region: 'eu' }, externalUrl: 'http://prom' });
    expect(test?.inputSeries).toEqual([{ metric: { __name__: 'up', job: 'api' }, slots: [1, 0, undefined, 'stale', 1, 2, 3] }]);
    expect(test?.alertTests).toEqual([{ evalTimeMs: 300_000, alertname: 'Down', expected: [{ labels: { severity: 'page', alertname: 'Down' }, annotations: { summary: 'down' } }] }]);
    expect(test?.exprTests[0]).toMatchObject({ exprText: 'sum(up)', evalTimeMs: 90_000, expected: [{ labels: {}, value: 1000 }, { labels: { __name__: 'up', job: 'api' }, value: Infinity }, { labels: {}, value: 0 }] });
  });

  it('defaults to a 1m evaluation interval, no interval between input samples, and no tests', () => {
    expect(parseRuleTestFile('tests: [{}]\n', 't.yml')).toMatchObject({ evaluationIntervalMs: 60_000, ruleFiles: [], tests: [{ intervalMs: 0, name: '', inputSeries: [] }] });
    expect(parseRuleTestFile('', 't.yml')).toMatchObject({ tests: [] });
  });

  it('reads empty durations and values as zero, as Go leaves them', () => {
    const file = parseRuleTestFile('evaluation_interval:\ntests:\n  - interval:\n    promql_expr_test:\n      - expr: vector(1)\n        eval_time:\n        exp_samples:\n          - labels: "{}"\n            value:\n', 't.yml');
    expect(file.evaluationIntervalMs).toBe(60_000);
    expect(file.tests[0]).toMatchObject({ intervalMs: 0, exprTests: [{ evalTimeMs: 0, expected: [{ labels: {}, value: 0 }] }] });
  });

  it('reports every problem at once, each at its place, as promtool refuses them', () => {
    expect(
      problems(`rule_files: [r.yml]
group_eval_order: [a, a]
tests:
  - interval: 1x
    inputs_series: []
    input_series:
      - series: 'up{job="a"'
        values: '1 2 abc'
    alert_rule_test:
      - eval_time: 1m
    promql_expr_test:
      - expr: sum(up
        eval_time: 0
        exp_samples:
          - labels: 'up{a=~"x"}'
            value: "1"
`),
    ).toEqual([
      'dir/t.yml:2:23 group_eval_order[1]: group "a" is repeated in the evaluation order; list each group once',
      'dir/t.yml:4:15 tests[0].interval: not a valid duration string: "1x"; write a duration like 30s, 5m or 1h30m',
      'dir/t.yml:5:5 tests[0].inputs_series: unknown field "inputs_series"; expected one of interval, input_series, alert_rule_test, promql_expr_test, external_labels, external_url, name',
      'dir/t.yml:7:28 tests[0].input_series[0].series: missing "}" at the end of the labels; write a series like name{label="value"}',
      'dir/t.yml:8:22 tests[0].input_series[0].values: unexpected "abc" in series values; expected a number, "_", "stale", or a repetition like 1+2x3',
      'dir/t.yml:10:9 tests[0].alert_rule_test[0]: an alert test needs "alertname" (the alert to check)',
      expect.stringMatching(/^dir\/t\.yml:12:21 tests\[0\]\.promql_expr_test\[0\]\.expr: /),
      'dir/t.yml:15:26 tests[0].promql_expr_test[0].exp_samples[0].labels: expected "=" after a (a series has exact label values, no matchers); write a series like name{label="value"}',
      'dir/t.yml:16:20 tests[0].promql_expr_test[0].exp_samples[0].value: expected a number, got "1"',
    ]);
  });

  it('refuses YAML that cannot be read, with its position', () => {
    expect(problems('tests:\n  - name: [\n')[0]).toMatch(/^dir\/t\.yml:\d+:\d+: YAML: /);
    expect(problems('tests: 3\n')).toEqual(['dir/t.yml:1:8 tests: expected a list, got "3"']);
  });
});
