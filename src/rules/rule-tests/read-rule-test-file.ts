import { isAbsolute, join, dirname } from 'node:path';
import type { Node } from 'yaml';
import { ConfigError } from '../../errors.js';
import { YamlReader, type YamlPath } from '../internal/yaml-reader.js';
import { readTextFile } from '../load/read-text-file.js';
import { readAlertTest, readDuration, readExprTest, readInputSeries, readStringMap } from './read-test-cases.js';
import type { RuleTestFile, TestGroup } from './rule-test-file.js';

const FILE_FIELDS = ['rule_files', 'evaluation_interval', 'group_eval_order', 'tests'];
const GROUP_FIELDS = ['interval', 'input_series', 'alert_rule_test', 'promql_expr_test', 'external_labels', 'external_url', 'name'];
const DEFAULT_EVALUATION_INTERVAL_MS = 60_000;

/**
 * Reads a `promtool test rules` file. Throws `ConfigFileError` when it cannot be read and
 * `ConfigError` with every problem (unknown fields, bad durations, malformed series or
 * expressions, missing alert names) positioned in the file. Rule file paths are resolved
 * against the directory of `shown`, as the user named the file.
 */
export async function readRuleTestFile(path: string, shown = path): Promise<RuleTestFile> {
  return parseRuleTestFile(await readTextFile(path, shown), shown);
}

/** `readRuleTestFile` for text already read. */
export function parseRuleTestFile(text: string, file: string): RuleTestFile {
  // promtool reads test files with YAML 1.1 rules (`1_000`, `.inf`).
  const reader = new YamlReader(text, file, { yaml11: true });
  if (reader.broken) throw new ConfigError(reader.problems);
  const top = reader.mapping(reader.doc.contents, [], FILE_FIELDS);
  const list = (key: string): (Node | null)[] => reader.sequence(top?.get(key)?.value ?? null, [key]) ?? [];
  const strings = (key: string): string[] => list(key).flatMap((node, i) => reader.string(node, [key, i]) ?? []);
  const interval = readDuration(reader, top?.get('evaluation_interval')?.value, ['evaluation_interval']);
  const groupEvalOrder = strings('group_eval_order');
  checkOrder(reader, list('group_eval_order'), groupEvalOrder);
  const tests = list('tests').flatMap((node, i) => readTestGroup(reader, node, ['tests', i], i) ?? []);
  if (reader.problems.length > 0) throw new ConfigError([...reader.problems].sort((a, b) => a.line - b.line || a.col - b.col));
  return {
    file,
    ruleFiles: strings('rule_files').map((pattern) => (pattern === '' || isAbsolute(pattern) ? pattern : join(dirname(file), pattern))),
    evaluationIntervalMs: interval || DEFAULT_EVALUATION_INTERVAL_MS,
    groupEvalOrder,
    tests,
  };
}

function readTestGroup(reader: YamlReader, node: Node | null, path: YamlPath, index: number): TestGroup | undefined {
  const fields = reader.mapping(node, path, GROUP_FIELDS);
  if (!fields) return undefined;
  const value = (key: string): Node | null => fields.get(key)?.value ?? null;
  const items = <T>(key: string, read: (reader: YamlReader, node: Node | null, path: YamlPath) => T | undefined): T[] =>
    (reader.sequence(value(key), [...path, key]) ?? []).flatMap((item, i) => read(reader, item, [...path, key, i]) ?? []);
  return {
    index,
    name: reader.string(value('name'), [...path, 'name']) ?? '',
    intervalMs: readDuration(reader, fields.get('interval')?.value, [...path, 'interval']) ?? 0,
    inputSeries: items('input_series', readInputSeries),
    alertTests: items('alert_rule_test', readAlertTest),
    exprTests: items('promql_expr_test', readExprTest),
    externalLabels: readStringMap(reader, value('external_labels'), [...path, 'external_labels']),
    externalUrl: reader.string(value('external_url'), [...path, 'external_url']) ?? '',
  };
}

function checkOrder(reader: YamlReader, nodes: readonly (Node | null)[], names: readonly string[]): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) reader.problem(nodes[i], ['group_eval_order', i], `group ${JSON.stringify(name)} is repeated in the evaluation order; list each group once`);
    seen.add(name);
  });
}
