import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../support/run-cli-capture.js';

/**
 * Runs every `*.test.yml` under test/conformance/ through both `promtool test rules`
 * (Prometheus 2.42, one batched invocation) and `guardia rules test` (in-process, one
 * invocation), and requires the same exit status, the same files passing, and the same
 * failing checks in each file. Files under `invalid/` must be refused by both.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CONFORMANCE = join(ROOT, 'test', 'conformance');

interface Outcome {
  status: 'passed' | 'failed';
  /** One line per failing check: `alert <test name> <alertname> @<ms>`, `expr <expr> @<ms>`, `rule <name> @<ms>`. */
  failures: string[];
}

interface GuardiaFile {
  file: string;
  status: 'passed' | 'failed' | 'invalid';
  failures: ({ kind: 'alert'; test: { name: string }; alertname: string; evalTimeMs: number } | { kind: 'expr' | 'expr-error'; expr: string; evalTimeMs: number } | { kind: 'rule-error'; rule: string; timeMs: number })[];
  problems: unknown[];
}

const testFiles = findFiles(CONFORMANCE, (name) => name.endsWith('.test.yml'));
const invalidFiles = findFiles(join(CONFORMANCE, 'promql', 'invalid'), (name) => name.endsWith('.yml') && !name.endsWith('.rules.yml'));

let promtool: { code: number; outcomes: Map<string, Outcome> };
let promtoolInvalid: { code: number; outcomes: Map<string, Outcome> };
let guardia: { code: number; outcomes: Map<string, Outcome> };

beforeAll(async () => {
  promtool = runPromtool(testFiles);
  promtoolInvalid = runPromtool(invalidFiles);
  guardia = await runGuardia(testFiles);
});

describe('guardia rules test agrees with promtool 2.42', () => {
  it('finds the conformance files, including meant-to-fail ones', () => {
    expect(testFiles).toContain('test/conformance/promql/expected-failures.test.yml');
    expect(promtool.outcomes.get('test/conformance/promql/expected-failures.test.yml')?.failures.length).toBeGreaterThanOrEqual(8);
  });

  it('exits with the same status for the whole batch', () => {
    expect(guardia.code).toBe(promtool.code);
  });

  it.each(testFiles)('%s: same result and the same failing checks', (file) => {
    const expected = promtool.outcomes.get(file);
    expect(expected, `promtool did not report ${file}`).toBeDefined();
    expect(guardia.outcomes.get(file)).toEqual(expected);
  });

  it.each(invalidFiles)('%s: refused by both (promtool fails it, guardia exits 2)', async (file) => {
    expect(promtoolInvalid.code).toBe(1);
    expect(promtoolInvalid.outcomes.get(file)?.status).toBe('failed');
    const ours = await cli(['rules', 'test', file], { cwd: ROOT });
    expect(ours.code, ours.stdout + ours.stderr).toBe(2);
    expect(ours.stderr).toMatch(/^guardia: \S+:\d+:\d+ /m);
  });
});

function findFiles(dir: string, wanted: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'invalid') out.push(...findFiles(path, wanted));
    else if (entry.isFile() && wanted(entry.name)) out.push(relative(ROOT, path));
  }
  return out.sort();
}

function runPromtool(files: string[]): { code: number; outcomes: Map<string, Outcome> } {
  const version = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  if (version.error) throw new Error(`promtool is not installed (apt-get install prometheus); the PromQL conformance suite compares guardia with it: ${version.error.message}`);
  // promtool writes results to stdout and failures to stderr; one stream keeps their order.
  const run = spawnSync('/bin/sh', ['-c', 'exec promtool test rules "$@" 2>&1', 'sh', ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status ?? -1, outcomes: parsePromtool(run.stdout) };
}

function parsePromtool(output: string): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  let current: Outcome | undefined;
  let testName = '';
  for (const line of output.split('\n')) {
    const header = /^Unit Testing: {2}(.+)$/.exec(line);
    if (header) {
      current = { status: 'passed', failures: [] };
      outcomes.set(header[1] as string, current);
      continue;
    }
    if (!current) continue;
    if (line === '  FAILED:') current.status = 'failed';
    const name = /^ {4}name: (.*),$/.exec(line);
    const alert = /^ {4}alertname: (.*), time: ([0-9a-z.]+), $/.exec(line);
    const expr = /^ {4}expr: (".*"), time: ([0-9a-z.]+),/.exec(line);
    const rule = /^ {4}rule: (.*), time: ([0-9a-z.]+), err: /.exec(line);
    if (alert) current.failures.push(`alert ${testName} ${alert[1]} @${durationMs(alert[2] as string)}`);
    if (expr) current.failures.push(`expr ${JSON.parse(expr[1] as string) as string} @${durationMs(expr[2] as string)}`);
    if (rule) current.failures.push(`rule ${rule[1]} @${durationMs(rule[2] as string)}`);
    testName = name ? (name[1] as string) : '';
  }
  for (const outcome of outcomes.values()) outcome.failures.sort();
  return outcomes;
}

async function runGuardia(files: string[]): Promise<{ code: number; outcomes: Map<string, Outcome> }> {
  const run = await cli(['rules', 'test', '--json', ...files], { cwd: ROOT });
  const report = JSON.parse(run.stdout) as { files: GuardiaFile[] };
  const outcomes = new Map<string, Outcome>();
  for (const file of report.files) {
    expect(file.problems, `${file.file} is invalid for guardia`).toEqual([]);
    const failures = file.failures.map((f) => {
      if (f.kind === 'alert') return `alert ${f.test.name} ${f.alertname} @${f.evalTimeMs}`;
      if (f.kind === 'rule-error') return `rule ${f.rule} @${f.timeMs}`;
      return `expr ${f.expr} @${f.evalTimeMs}`;
    });
    outcomes.set(file.file, { status: file.status === 'passed' ? 'passed' : 'failed', failures: failures.sort() });
  }
  return { code: run.code, outcomes };
}

/** Go and Prometheus durations (`1m0s`, `1m30s`, `500ms`, `1.5s`) in milliseconds. */
function durationMs(text: string): number {
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };
  let total = 0;
  for (const [, amount, name] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g)) total += Number(amount) * (unit[name as string] as number);
  return Math.round(total);
}
