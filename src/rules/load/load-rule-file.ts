import { isMap, isScalar } from 'yaml';
import { ConfigError } from '../../errors.js';
import { YamlReader } from '../internal/yaml-reader.js';
import type { Rule, RuleGroup } from '../rule-group.js';
import { readRule } from './read-rule.js';
import { readTextFile } from './read-text-file.js';

const GROUP_FIELDS = ['name', 'interval', 'limit', 'rules'];

/**
 * Reads a Prometheus rule file (`groups: [{name, interval?, limit?, rules}]`). Throws
 * `ConfigFileError` when it cannot be read and `ConfigError` listing every problem, each
 * as `file:line:col key.path: message`, when it is not a valid 2.42 rule file.
 */
export async function loadRuleFile(path: string, shown = path): Promise<RuleGroup[]> {
  return parseRuleFile(await readTextFile(path, shown), shown);
}

/** `loadRuleFile` for text already read; `file` names it in problems. */
export function parseRuleFile(text: string, file: string): RuleGroup[] {
  const reader = new YamlReader(text, file);
  if (reader.broken) throw new ConfigError(reader.problems);
  const groups = readGroups(reader);
  if (reader.problems.length > 0) throw new ConfigError(sortProblems(reader.problems));
  return groups;
}

function readGroups(reader: YamlReader): RuleGroup[] {
  const top = reader.doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return [];
  if (!isMap(top)) {
    reader.problem(top, [], 'a rule file is a mapping with "groups:" at the top');
    return [];
  }
  const fields = reader.mapping(top, [], ['groups']);
  const items = reader.sequence(fields?.get('groups')?.value ?? null, ['groups']) ?? [];
  const seen = new Set<string>();
  const groups: RuleGroup[] = [];
  items.forEach((item, i) => {
    const path = ['groups', i];
    const group = reader.mapping(item, path, GROUP_FIELDS);
    if (!group) return;
    const name = reader.string(group.get('name')?.value ?? null, [...path, 'name']) ?? '';
    if (name === '') reader.problem(item, path, 'a group needs a "name"');
    else if (seen.has(name)) reader.problem(group.get('name')?.value, [...path, 'name'], `group name ${JSON.stringify(name)} is repeated in this file; group names must be unique per file`);
    seen.add(name);
    const interval = group.get('interval');
    const limit = group.get('limit');
    const rules: Rule[] = [];
    (reader.sequence(group.get('rules')?.value ?? null, [...path, 'rules']) ?? []).forEach((node, j) => {
      const rule = readRule(reader, node, [...path, 'rules', j]);
      if (rule) rules.push(rule);
    });
    groups.push({
      name,
      file: reader.file,
      // 0 or empty means the default interval, as in Prometheus.
      intervalMs: (interval && reader.duration(interval.value, [...path, 'interval'])) || undefined,
      limit: (limit && reader.number(limit.value, [...path, 'limit'], true)) ?? 0,
      rules,
    });
  });
  return groups;
}

function sortProblems<T extends { line: number; col: number }>(problems: T[]): T[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}
