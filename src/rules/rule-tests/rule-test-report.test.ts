import { describe, expect, it } from 'vitest';
import { formatProblems, formatRuleTestResult, ruleTestResultJson } from './rule-test-report.js';
import type { RuleTestFileResult } from './rule-test-result.js';

const base: RuleTestFileResult = { file: 't.yml', status: 'passed', warnings: [], failures: [], problems: [] };

describe('formatRuleTestResult', () => {
  it('says SUCCESS for a passing file, after its warnings', () => {
    expect(formatRuleTestResult({ ...base, warnings: ['no file matches the rule_files pattern "x"'] })).toEqual([
      'Unit testing t.yml',
      '  WARNING: no file matches the rule_files pattern "x"',
      '  SUCCESS',
    ]);
  });

  it('shows each failure with its test, what it checked, when, and a diff', () => {
    const lines = formatRuleTestResult({
      ...base,
      status: 'failed',
      failures: [
        {
          kind: 'expr',
          test: { index: 1, name: 'rates' },
          expr: 'sum(rate(x[5m]))',
          evalTimeMs: 90_000,
          expected: [{ labels: { job: 'a' }, value: 1 }, { labels: { job: 'b' }, value: 2 }],
          got: [{ labels: { job: 'a' }, value: 1 }, { labels: { job: 'b' }, value: 2.0000000000000004 }, { labels: { job: 'c' }, value: 1e6 }],
        },
        { kind: 'alert', test: { index: 0, name: '' }, alertname: 'Down', evalTimeMs: 300_000, expected: [{ labels: { alertname: 'Down' }, annotations: { summary: 'x' } }], got: [] },
        { kind: 'rule-error', test: { index: 2, name: '' }, rule: 'job:x', timeMs: 60_000, error: 'exceeded limit of 1 with 2 series' },
        { kind: 'expr-error', test: { index: 3, name: '' }, expr: 'a + on() b', evalTimeMs: 0, error: 'many-to-many matching not allowed' },
      ],
    });
    expect(lines).toEqual([
      'Unit testing t.yml',
      '  FAILED (4 checks):',
      '    tests[1] "rates": expr "sum(rate(x[5m]))" at 1m30s (- expected, + got)',
      '        {job="a"} 1',
      '      - {job="b"} 2',
      '      + {job="b"} 2.0000000000000004',
      '      + {job="c"} 1e+06',
      '    tests[0]: alert Down at 5m (- expected, + got)',
      '      - {alertname="Down"} annotations {summary="x"}',
      '        (no alert is firing)',
      '    tests[2]: rule job:x failed at 1m, which ends this test: exceeded limit of 1 with 2 series',
      '    tests[3]: expr "a + on() b" at 0s: many-to-many matching not allowed',
    ]);
  });

  it('explains why an expected NaN fails', () => {
    const lines = formatRuleTestResult({ ...base, status: 'failed', failures: [{ kind: 'expr', test: { index: 0, name: '' }, expr: 'x', evalTimeMs: 0, expected: [{ labels: {}, value: NaN }], got: [{ labels: {}, value: NaN }] }] });
    expect(lines.slice(3)).toEqual(['      - {} NaN', '      + {} NaN', '        (promtool 2.42 compares values with ==, so an expected NaN never matches)']);
  });

  it('marks an invalid file and lists its problems separately', () => {
    const result: RuleTestFileResult = { ...base, status: 'invalid', problems: [{ file: 't.yml', line: 3, col: 5, path: 'tests[0]', message: 'bad' }] };
    expect(formatRuleTestResult(result)).toEqual(['Unit testing t.yml', '  INVALID (1 problem)']);
    expect(formatProblems(result)).toEqual(['t.yml:3:5 tests[0]: bad']);
  });
});

describe('ruleTestResultJson', () => {
  it('writes sample values as Prometheus API strings, since JSON has no NaN or Inf', () => {
    const json = ruleTestResultJson({ ...base, status: 'failed', failures: [{ kind: 'expr', test: { index: 0, name: '' }, expr: 'x', evalTimeMs: 0, expected: [{ labels: {}, value: Infinity }], got: [{ labels: {}, value: 1e21 }] }] });
    expect(JSON.parse(JSON.stringify(json))).toMatchObject({ failures: [{ expected: [{ value: '+Inf' }], got: [{ value: '1000000000000000000000' }] }] });
  });
});
