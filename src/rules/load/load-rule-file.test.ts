import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigFileError, formatConfigProblem } from '../../errors.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { loadRuleFile, parseRuleFile } from './load-rule-file.js';

function problems(text: string): string[] {
  try {
    parseRuleFile(text, 'rules.yml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatConfigProblem);
    throw error;
  }
  return [];
}

describe('parseRuleFile', () => {
  it('reads groups, recording rules and alerting rules with their settings', () => {
    const groups = parseRuleFile(
      `groups:
  - name: probes
    interval: 30s
    limit: 10
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
        labels: { team: ops }
      - alert: Down
        expr: job:up:sum == 0
        for: 5m
        keep_firing_for: 2m
        labels: { severity: page, instance: '{{ $labels.instance }}' }
        annotations: { summary: '{{ $labels.job }} is down' }
`,
      'rules.yml',
    );
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group).toMatchObject({ name: 'probes', file: 'rules.yml', intervalMs: 30_000, limit: 10 });
    expect(group?.rules[0]).toMatchObject({ kind: 'record', name: 'job:up:sum', exprText: 'sum by (job) (up)', labels: { team: 'ops' } });
    const alert = group?.rules[1];
    expect(alert).toMatchObject({ kind: 'alert', name: 'Down', forMs: 300_000, keepFiringForMs: 120_000 });
    if (alert?.kind !== 'alert') throw new Error('expected an alerting rule');
    expect(alert.labels.map((l) => l.name)).toEqual(['instance', 'severity']);
    expect(alert.annotations[0]?.template.expand({ labels: { job: 'api' }, externalLabels: {}, externalUrl: '', value: 0 })).toBe('api is down');
  });

  it('reads empty durations and limits as zero (no interval of its own), as Prometheus does', () => {
    const [group] = parseRuleFile('groups:\n  - name: g\n    interval:\n    limit:\n    rules:\n      - alert: A\n        expr: up\n        for:\n', 'r.yml');
    expect(group).toMatchObject({ intervalMs: undefined, limit: 0, rules: [{ forMs: 0 }] });
  });

  it.each([
    ["an alert name that is not a metric name", "- alert: 'my alert!'\n        expr: up"],
    ['a recording rule label that looks like a broken template', "- record: x\n        expr: up\n        labels: { a: '{{ .Foo ' }"],
    ['an empty label value', "- alert: A\n        expr: up\n        labels: { a: '' }"],
    ['a string expression (it fails when evaluated)', "- alert: A\n        expr: '\"str\"'"],
    ['a range expression (it fails when evaluated)', '- alert: A\n        expr: up[5m]'],
  ])('accepts %s, as promtool check rules does', (_what, rule) => {
    expect(() => parseRuleFile(`groups:\n  - name: g\n    rules:\n      ${rule}\n`, 'r.yml')).not.toThrow();
  });

  it('accepts an empty file and a file without groups', () => {
    expect(parseRuleFile('', 'r.yml')).toEqual([]);
    expect(parseRuleFile('groups: []\n', 'r.yml')).toEqual([]);
  });

  it('reports every problem at once, each at its place in the file', () => {
    const found = problems(`groups:
  - name: a
    rules:
      - record: "job:up sum"
        expr: sum(up
        for: 5m
      - alert: X
        record: y
        expr: up
      - expr: up
      - alert: Y
        expr: up
        labels:
          "bad-label": x
          __name__: y
        annotations:
          s: "{{ .Foo "
          t: "{{ nosuch }}"
      - alert: Z
        expr: up
        unknown: 1
  - name: a
    interval: 1x
    rules: []
  - name: ""
    rules: []
`);
    expect(found).toEqual([
      'rules.yml:4:17 groups[0].rules[0].record: "job:up sum" is not a valid metric name (letters, digits, "_" and ":", not starting with a digit)',
      expect.stringMatching(/^rules\.yml:5:21 groups\[0\]\.rules\[0\]\.expr: unclosed left parenthesis/),
      'rules.yml:6:9 groups[0].rules[0].for: a recording rule cannot have "for"; remove it, or make the rule an "alert"',
      'rules.yml:7:9 groups[0].rules[1]: a rule has either "record" or "alert", not both; split it into two rules',
      'rules.yml:10:9 groups[0].rules[2]: a rule needs "record" (a recording rule) or "alert" (an alerting rule)',
      'rules.yml:14:11 groups[0].rules[3].labels.bad-label: "bad-label" is not a valid label name (letters, digits and "_", not starting with a digit, not __name__)',
      'rules.yml:15:11 groups[0].rules[3].labels.__name__: "__name__" is not a valid label name (letters, digits and "_", not starting with a digit, not __name__)',
      'rules.yml:17:23 groups[0].rules[3].annotations.s: template: __alert_Y:1: unclosed action; fix the template syntax',
      'rules.yml:18:18 groups[0].rules[3].annotations.t: template: __alert_Y:1: function "nosuch" not defined; fix the template syntax',
      expect.stringMatching(/^rules\.yml:21:9 groups\[0\]\.rules\[4\]\.unknown: unknown field "unknown"/),
      'rules.yml:22:11 groups[1].name: group name "a" is repeated in this file; group names must be unique per file',
      'rules.yml:23:15 groups[1].interval: not a valid duration string: "1x"; write a duration like 30s, 5m or 1h30m',
      'rules.yml:25:5 groups[2]: a group needs a "name"',
    ]);
  });

  it('places a PromQL error inside a block expression on its own line and column', () => {
    const found = problems(`groups:
  - name: g
    rules:
      - record: x
        expr: |
          sum by (job) (
            rate(http_requests_total[5m]) +
          )
`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^rules\.yml:8:11 groups\[0\]\.rules\[0\]\.expr: /);
  });

  it.each([
    ['a recording rule with annotations', '- record: x\n        expr: up\n        annotations: { a: b }', 'a recording rule cannot have annotations'],
    ['a recording rule with keep_firing_for', '- record: x\n        expr: up\n        keep_firing_for: 1m', 'cannot have "keep_firing_for"'],
    ['a record name with braces', '- record: "x{a=\\"b\\"}"\n        expr: up', 'label matchers belong in "expr"'],
    ['a missing expression', '- alert: A', 'a rule needs an "expr"'],
    ['a negative duration', '- alert: A\n        expr: up\n        for: -5m', 'not a valid duration string: "-5m"'],
    ['a fractional duration', '- alert: A\n        expr: up\n        for: 1.5m', 'not a valid duration string: "1.5m"'],
    ['a bad annotation name', '- alert: A\n        expr: up\n        annotations: { "a b": x }', '"a b" is not a valid annotation name'],
    ['a non-integer limit', '- alert: A\n        expr: up', 'expected a whole number', 'limit: 1.5\n'],
  ])('refuses %s', (_what, rule, message, groupExtra = '') => {
    const found = problems(`groups:\n  - name: g\n    ${groupExtra}rules:\n      ${rule}\n`);
    expect(found.join('\n')).toContain(message);
  });

  it('refuses YAML that is not a rule file', () => {
    expect(problems('- a\n- b\n')).toEqual(['rules.yml:1:1: a rule file is a mapping with "groups:" at the top']);
    expect(problems('groups: {a: 1}\n')[0]).toContain('groups: expected a list');
    expect(problems('groups:\n  - name: [\n')[0]).toMatch(/^rules\.yml:\d+:\d+: YAML: /);
  });
});

describe('loadRuleFile', () => {
  it('reads a file and names it as given in problems', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.yml'), 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up ==\n');
    await expect(loadRuleFile(join(dir, 'r.yml'), 'r.yml')).rejects.toThrow(/^r\.yml:5:\d+ groups\[0\]\.rules\[0\]\.expr: /);
  });

  it('says when the file cannot be read', async () => {
    await expect(loadRuleFile(join(tempDir(), 'missing.yml'), 'missing.yml')).rejects.toThrow(ConfigFileError);
    await expect(loadRuleFile(join(tempDir(), 'missing.yml'), 'missing.yml')).rejects.toThrow('missing.yml: no such file');
  });
});
