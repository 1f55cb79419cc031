import { resolve } from 'node:path';
import { ConfigError, ConfigFileError, type ConfigProblem } from '../../errors.js';
import { createEngine, type PromqlEngine } from '../../promql/index.js';
import { loadRuleFile } from '../load/load-rule-file.js';
import type { RuleGroup } from '../rule-group.js';
import { readRuleTestFile } from './read-rule-test-file.js';
import { globFiles } from './rule-file-glob.js';
import type { RuleTestFile } from './rule-test-file.js';
import type { RuleTestFailure, RuleTestFileResult } from './rule-test-result.js';
import { runTestGroup } from './run-test-group.js';

/** Where `runRuleTestFile` reads files, and the engine it evaluates with. */
export interface RunRuleTestsOptions {
  /** Relative paths are read from here. */
  cwd: string;
  engine?: PromqlEngine;
}

/**
 * Runs one `promtool test rules` file: reads it and its rule files (globs expanded
 * against the test file's directory), then every test in order. An unreadable or invalid
 * test or rule file makes the result `invalid`, with every problem positioned.
 */
export async function runRuleTestFile(file: string, options: RunRuleTestsOptions): Promise<RuleTestFileResult> {
  const warnings: string[] = [];
  try {
    const testFile = await readRuleTestFile(resolve(options.cwd, file), file);
    const groups = await loadGroups(testFile, options.cwd, warnings);
    const engine = options.engine ?? createEngine();
    const failures: RuleTestFailure[] = [];
    for (const test of testFile.tests) {
      failures.push(...(await runTestGroup(test, { engine, groups, evaluationIntervalMs: testFile.evaluationIntervalMs })));
    }
    return { file, status: failures.length > 0 ? 'failed' : 'passed', warnings, failures, problems: [] };
  } catch (error) {
    const problems = problemsOf(error, file);
    if (!problems) throw error;
    return { file, status: 'invalid', warnings, failures: [], problems };
  }
}

async function loadGroups(testFile: RuleTestFile, cwd: string, warnings: string[]): Promise<RuleGroup[]> {
  const groups: RuleGroup[] = [];
  const problems: ConfigProblem[] = [];
  for (const pattern of testFile.ruleFiles) {
    let matches: string[];
    try {
      matches = pattern === '' ? [] : await globFiles(pattern, cwd);
    } catch (error) {
      throw new ConfigFileError(`${testFile.file}: rule_files pattern ${JSON.stringify(pattern)}: ${(error as Error).message}`, { cause: error });
    }
    if (matches.length === 0) warnings.push(`no file matches the rule_files pattern ${JSON.stringify(pattern)}`);
    for (const match of matches) {
      try {
        groups.push(...(await loadRuleFile(resolve(cwd, match), match)));
      } catch (error) {
        const found = problemsOf(error, match);
        if (!found) throw error;
        problems.push(...found);
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return orderGroups(groups, testFile.groupEvalOrder);
}

/** `group_eval_order` first by position; groups it does not name keep file order and come first. */
function orderGroups(groups: RuleGroup[], order: readonly string[]): RuleGroup[] {
  const rank = (group: RuleGroup): number => Math.max(0, order.indexOf(group.name));
  return [...groups].sort((a, b) => rank(a) - rank(b));
}

function problemsOf(error: unknown, file: string): ConfigProblem[] | undefined {
  if (error instanceof ConfigError) return error.problems;
  if (error instanceof ConfigFileError) return [{ file, line: 0, col: 0, path: '', message: error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message }];
  return undefined;
}
