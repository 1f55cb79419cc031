import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/run-cli-capture.js';
import { tempDir } from '../../../test/support/temp-dir.js';

const RULES = `groups:
  - name: probes
    rules:
      - alert: ProbeDown
        expr: guardia_probe_up == 0
        for: 1m
        annotations:
          summary: '{{ $labels.probe }} is down'
`;
const test = (expected: string) => `rule_files: [probes.rules.yml]
tests:
  - name: api down
    interval: 1m
    input_series:
      - series: 'guardia_probe_up{probe="api"}'
        values: '0 0 0'
    alert_rule_test:
      - eval_time: 2m
        alertname: ProbeDown
        exp_alerts: ${expected}
`;

function project(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'probes.rules.yml'), RULES);
  writeFileSync(join(dir, 'pass.test.yml'), test("[{ exp_labels: { probe: api }, exp_annotations: { summary: 'api is down' } }]"));
  writeFileSync(join(dir, 'fail.test.yml'), test('[]'));
  writeFileSync(join(dir, 'invalid.test.yml'), 'tests:\n  - interval: 1m\n    input_series:\n      - series: up\n        values: 1 x\n');
  return dir;
}

describe('guardia rules test', () => {
  it('exits 0 and says SUCCESS when every test passes, without any guardia.yaml', async () => {
    const run = await cli(['rules', 'test', 'pass.test.yml'], { cwd: project() });
    expect(run).toEqual({ code: 0, stdout: 'Unit testing pass.test.yml\n  SUCCESS\n', stderr: '' });
  });

  it('exits 1 and shows what fired when a test fails', async () => {
    const run = await cli(['rules', 'test', 'pass.test.yml', 'fail.test.yml'], { cwd: project() });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'Unit testing pass.test.yml',
        '  SUCCESS',
        '',
        'Unit testing fail.test.yml',
        '  FAILED (1 check):',
        '    tests[0] "api down": alert ProbeDown at 2m (- expected, + got)',
        '      + {alertname="ProbeDown", probe="api"} annotations {summary="api is down"}',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 and names the place of each problem when a file is invalid', async () => {
    const run = await cli(['rules', 'test', 'fail.test.yml', 'invalid.test.yml', 'missing.test.yml'], { cwd: project() });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Unit testing invalid.test.yml\n  INVALID (1 problem)\n');
    expect(run.stderr).toBe(
      'guardia: invalid.test.yml:5:19 tests[0].input_series[0].values: unexpected "x" in series values; expected a number, "_", "stale", or a repetition like 1+2x3\n' +
        'guardia: missing.test.yml: no such file\n',
    );
  });

  it('prints one JSON object with --json', async () => {
    const run = await cli(['rules', 'test', '--json', 'pass.test.yml', 'fail.test.yml'], { cwd: project() });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { passed: boolean; files: { file: string; status: string; failures: unknown[] }[] };
    expect(report.passed).toBe(false);
    expect(report.files.map((f) => [f.file, f.status, f.failures.length])).toEqual([
      ['pass.test.yml', 'passed', 0],
      ['fail.test.yml', 'failed', 1],
    ]);
  });

  it('is a usage error without files', async () => {
    const run = await cli(['rules', 'test'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^guardia: missing required argument/);
  });
});
