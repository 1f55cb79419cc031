import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromqlParseError } from '../../../src/errors.js';
import { formatExpr, parseExpr, type Expr } from '../../../src/promql/index.js';
import { strip } from '../../../src/promql/parse/testing/expr-builders.js';
import { tempDir } from '../../support/temp-dir.js';
import { PARSE_CASES, type ParseCase } from './expressions.js';

/**
 * Checks guardia's parser against the real Prometheus 2.42: `promtool check rules`
 * judges every expression of `expressions.ts` in one run, and `promtool test rules`
 * evaluates scalar expressions whose value shows how they were grouped. CI installs
 * promtool; without it these tests fail rather than skip.
 */

function promtool(args: string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { encoding: 'utf8' });
  if (run.error) {
    throw new Error(`promtool is not installed; install Prometheus 2.42's (Debian: apt-get install prometheus): ${run.error.message}`);
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function writeRules(dir: string, exprs: readonly string[]): string {
  const rules = exprs.map((expr, i) => `  - record: r${i}\n    expr: ${JSON.stringify(expr)}\n`).join('');
  const path = join(dir, 'rules.yml');
  writeFileSync(path, `groups:\n- name: parse\n  rules:\n${rules}`);
  return path;
}

/** promtool's message for each expression it refuses, by index. */
function promtoolRefusals(exprs: readonly string[]): Map<number, string> {
  const { output } = promtool(['check', 'rules', writeRules(tempDir('guardia-promql-parse-'), exprs)]);
  const refusals = new Map<number, string>();
  for (const match of output.matchAll(/rule (\d+), "r\d+": (.*)/g)) refusals.set(Number(match[1]) - 1, match[2] ?? '');
  return refusals;
}

type Outcome = { expr: Expr } | { error: PromqlParseError };

function guardia(text: string): Outcome {
  try {
    return { expr: parseExpr(text) };
  } catch (error) {
    if (error instanceof PromqlParseError) return { error };
    throw error;
  }
}

/** Why guardia's outcome for `c` is wrong, or undefined when it is right. */
function disagreement(c: ParseCase, outcome: Outcome): string | undefined {
  const accepts = c.valid && !c.unsupported;
  if ('expr' in outcome) return accepts ? undefined : 'guardia accepts it';
  const message = outcome.error.message;
  if (accepts) return `guardia refuses it: ${message}`;
  if (c.unsupported && !(message.includes(c.unsupported) && message.includes('not supported by guardia'))) {
    return `guardia's refusal does not name ${c.unsupported}: ${message}`;
  }
  return undefined;
}

describe('the PromQL parser agrees with promtool 2.42', () => {
  it('runs against promtool 2.42', () => {
    expect(promtool(['--version']).output).toMatch(/version 2\.42\./);
  });

  it('promtool accepts exactly the expressions marked valid', () => {
    const refusals = promtoolRefusals(PARSE_CASES.map((c) => c.expr));
    const wrong = PARSE_CASES.flatMap((c, i) =>
      c.valid === !refusals.has(i) ? [] : [`${c.expr} — promtool says ${refusals.get(i) ?? 'valid'}`],
    );
    expect(wrong).toEqual([]);
  });

  it('guardia accepts the valid expressions it supports and refuses the others', () => {
    const wrong = PARSE_CASES.flatMap((c) => {
      const why = disagreement(c, guardia(c.expr));
      return why ? [`${c.expr} — ${why}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('guardia parses back what it prints of every accepted expression', () => {
    const wrong = PARSE_CASES.flatMap((c) => {
      const outcome = guardia(c.expr);
      if (!('expr' in outcome)) return [];
      const printed = formatExpr(outcome.expr);
      const again = guardia(printed);
      const same = 'expr' in again && JSON.stringify(strip(again.expr)) === JSON.stringify(strip(outcome.expr));
      return same ? [] : [`${c.expr} — printed as ${printed}`];
    });
    expect(wrong).toEqual([]);
  });
});

/** Scalar expressions whose value differs if guardia groups them differently from 2.42. */
const GROUPINGS = [
  '1 + 2 * 3', '2 ^ 3 ^ 2', '-2 ^ 2', '-2 ^ 2 * 3', '2 ^ -1 ^ 2', '10 - 4 - 3', '100 / 10 / 5', '7 % 4 * 3',
  '2 * 3 % 4', '2 * 2 == bool 4', '1 < bool 2 == bool 1', '-(1 + 2) * 3', '- -1 - -1',
  '0x10 + 010 + 1e1 + .5 + 1.', '9007199254740993 - 9007199254740992', '3 > bool 2 + 2',
];

function evaluate(expr: Expr): number {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'paren':
      return evaluate(expr.expr);
    case 'unary':
      return expr.op === '-' ? -evaluate(expr.expr) : evaluate(expr.expr);
    case 'binary': {
      const [l, r] = [evaluate(expr.lhs), evaluate(expr.rhs)];
      const results: Record<string, number> = {
        '+': l + r, '-': l - r, '*': l * r, '/': l / r, '%': l % r, '^': l ** r,
        '==': Number(l === r), '!=': Number(l !== r), '<': Number(l < r), '>': Number(l > r),
        '<=': Number(l <= r), '>=': Number(l >= r),
      };
      return results[expr.op] ?? NaN;
    }
    default:
      throw new Error(`not a scalar expression: ${expr.kind}`);
  }
}

describe('guardia groups operators like promtool 2.42', () => {
  it('gives each scalar expression the value promtool computes', () => {
    const tests = GROUPINGS.map((text) => [
      `  - expr: ${JSON.stringify(`vector(${text})`)}`,
      '    eval_time: 0m',
      '    exp_samples:',
      "    - labels: '{}'",
      `      value: ${String(evaluate(parseExpr(text)))}`,
    ].join('\n'));
    const path = join(tempDir('guardia-promql-groupings-'), 'groupings.test.yml');
    writeFileSync(path, `tests:\n- interval: 1m\n  input_series: []\n  promql_expr_test:\n${tests.join('\n')}\n`);
    const run = promtool(['test', 'rules', path]);
    expect(run.output).not.toContain('FAILED');
    expect(run.status).toBe(0);
  });
});
