import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { runRuleTestFile } from './run-rule-test-file.js';

function files(entries: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(entries)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const RULES = 'groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n';
const TEST = (expected: string) => `rule_files: ['*.rules.yml']
tests:
  - interval: 1m
    input_series:
      - series: 'up{job="a"}'
        values: '0 0'
    alert_rule_test:
      - eval_time: 1m
        alertname: Down
        exp_alerts: ${expected}
`;

describe('runRuleTestFile', () => {
  it('passes when every expectation holds, reading rule files relative to the test file', async () => {
    const cwd = files({ 'sub/down.rules.yml': RULES, 'sub/t.yml': TEST('[{ exp_labels: { job: a } }]') });
    expect(await runRuleTestFile('sub/t.yml', { cwd })).toEqual({ file: 'sub/t.yml', status: 'passed', warnings: [], failures: [], problems: [] });
  });

  it('fails with what was expected and what fired', async () => {
    const cwd = files({ 'down.rules.yml': RULES, 't.yml': TEST('[]') });
    const result = await runRuleTestFile('t.yml', { cwd });
    expect(result.status).toBe('failed');
    expect(result.failures).toEqual([
      { kind: 'alert', test: { index: 0, name: '' }, alertname: 'Down', evalTimeMs: 60_000, expected: [], got: [{ labels: { alertname: 'Down', job: 'a' }, annotations: {} }] },
    ]);
  });

  it('warns about a rule_files pattern that matches nothing, as promtool does, and runs anyway', async () => {
    const cwd = files({ 't.yml': TEST('[]') });
    const result = await runRuleTestFile('t.yml', { cwd });
    expect(result).toMatchObject({ status: 'passed', warnings: ['no file matches the rule_files pattern "*.rules.yml"'] });
  });

  it('is invalid, with positioned problems, when a rule file is invalid', async () => {
    const cwd = files({ 'bad.rules.yml': 'groups:\n  - name: g\n    rules:\n      - record: x\n        expr: up\n        for: 5m\n', 't.yml': TEST('[]') });
    const result = await runRuleTestFile('t.yml', { cwd });
    expect(result.status).toBe('invalid');
    expect(result.problems).toEqual([{ file: 'bad.rules.yml', line: 6, col: 9, path: 'groups[0].rules[0].for', message: expect.stringContaining('cannot have "for"') }]);
  });

  it('is invalid when the test file is missing', async () => {
    const result = await runRuleTestFile('nope.yml', { cwd: tempDir() });
    expect(result).toMatchObject({ status: 'invalid', problems: [{ file: 'nope.yml', line: 0, message: 'no such file' }] });
  });

  it('evaluates groups in group_eval_order', async () => {
    const cwd = files({
      'r.rules.yml': 'groups:\n  - name: second\n    rules:\n      - record: b\n        expr: a * 2\n  - name: first\n    rules:\n      - record: a\n        expr: vector(1)\n',
      't.yml': `rule_files: [r.rules.yml]\ngroup_eval_order: [first, second]\ntests:\n  - promql_expr_test:\n      - expr: b\n        eval_time: 0m\n        exp_samples:\n          - labels: 'b'\n            value: 2\n`,
    });
    expect((await runRuleTestFile('t.yml', { cwd })).status).toBe('passed');
  });
});
