import type { Node } from 'yaml';
import { PromqlParseError } from '../../errors.js';
import { parseExpr, type Expr } from '../../promql/index.js';
import { compareGoStrings } from '../internal/label-set.js';
import { fileOffsetOfValue } from '../internal/value-offset.js';
import { formatYamlPath, type YamlEntry, type YamlPath, type YamlReader } from '../internal/yaml-reader.js';
import type { Rule, TemplatedField } from '../rule-group.js';
import { AlertTemplate } from '../template/alert-template.js';
import { LABEL_NAME, METRIC_NAME } from './rule-names.js';

const RULE_FIELDS = ['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];

/**
 * Reads one rule of a group and checks it as Prometheus 2.42 does when it loads rules:
 * exactly one of `record`/`alert`, a parsable `expr` (errors placed where the expression
 * goes wrong), metric and label names, no `for`/`annotations` on recording rules, and
 * label and annotation templates that parse. Problems go to the reader.
 */
export function readRule(reader: YamlReader, node: Node | null, path: YamlPath): Rule | undefined {
  const fields = reader.mapping(node, path, RULE_FIELDS);
  if (!fields) return undefined;
  const text = (key: string): string | undefined => {
    const entry = fields.get(key);
    return entry ? reader.string(entry.value, [...path, key]) : undefined;
  };
  const record = text('record') ?? '';
  const alert = text('alert') ?? '';
  if (record !== '' && alert !== '') reader.problem(fields.get('alert')?.keyNode, path, 'a rule has either "record" or "alert", not both; split it into two rules');
  if (record === '' && alert === '') reader.problem(node, path, 'a rule needs "record" (a recording rule) or "alert" (an alerting rule)');
  const expr = readExpr(reader, fields.get('expr'), path, node);
  const duration = (key: string): number => {
    const entry = fields.get(key);
    return (entry && reader.duration(entry.value, [...path, key])) ?? 0;
  };
  const forMs = duration('for');
  const keepFiringForMs = duration('keep_firing_for');
  const labels = readNamedTexts(reader, fields.get('labels'), [...path, 'labels'], true);
  const annotations = readNamedTexts(reader, fields.get('annotations'), [...path, 'annotations'], false);
  if (record !== '') {
    checkRecording(reader, fields, path, record, { forMs, keepFiringForMs, annotations: annotations.length });
    if (!expr) return undefined;
    return { kind: 'record', name: record, expr: expr.expr, exprText: expr.text, labels: Object.fromEntries(labels.map((l) => [l.name, l.text])) };
  }
  const templated = (list: NamedText[], kind: 'labels' | 'annotations'): TemplatedField[] =>
    list.flatMap((entry) => {
      const template = parseTemplate(reader, entry, [...path, kind, entry.name], alert);
      return template ? [{ name: entry.name, text: entry.text, template }] : [];
    });
  const alertLabels = templated(labels, 'labels');
  const alertAnnotations = templated(annotations, 'annotations');
  if (!expr || alert === '') return undefined;
  return { kind: 'alert', name: alert, expr: expr.expr, exprText: expr.text, forMs, keepFiringForMs, labels: alertLabels, annotations: alertAnnotations };
}

function readExpr(reader: YamlReader, entry: YamlEntry | undefined, path: YamlPath, ruleNode: Node | null): { expr: Expr; text: string } | undefined {
  const exprPath = [...path, 'expr'];
  const text = entry ? reader.string(entry.value, exprPath) : '';
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    reader.problem(entry?.value ?? entry?.keyNode ?? ruleNode, entry ? exprPath : path, 'a rule needs an "expr" (the PromQL expression it evaluates)');
    return undefined;
  }
  try {
    return { expr: parseExpr(text), text };
  } catch (error) {
    if (!(error instanceof PromqlParseError)) throw error;
    const node = entry?.value ?? null;
    const [start, end] = node?.range ?? [0, 0];
    const offset = error.offset === undefined ? start : fileOffsetOfValue(reader.text, start, end, text, error.offset);
    reader.problemAt(offset, formatYamlPath(exprPath), `${error.message}`);
    return undefined;
  }
}

interface NamedText {
  name: string;
  text: string;
  keyNode: Node;
  value: Node | null;
}

function readNamedTexts(reader: YamlReader, entry: YamlEntry | undefined, path: YamlPath, isLabel: boolean): NamedText[] {
  if (!entry) return [];
  const fields = reader.mapping(entry.value, path, []);
  const out: NamedText[] = [];
  for (const field of fields?.values() ?? []) {
    const text = reader.string(field.value, [...path, field.key]);
    if (!LABEL_NAME.test(field.key) || (isLabel && field.key === '__name__')) {
      const what = isLabel ? 'label' : 'annotation';
      reader.problem(field.keyNode, [...path, field.key], `${JSON.stringify(field.key)} is not a valid ${what} name (letters, digits and "_", not starting with a digit${isLabel ? ', not __name__' : ''})`);
      continue;
    }
    if (text !== undefined) out.push({ name: field.key, text, keyNode: field.keyNode, value: field.value });
  }
  return out.sort((a, b) => compareGoStrings(a.name, b.name));
}

function checkRecording(reader: YamlReader, fields: Map<string, YamlEntry>, path: YamlPath, record: string, found: { forMs: number; keepFiringForMs: number; annotations: number }): void {
  const recordNode = fields.get('record')?.value;
  if (!METRIC_NAME.test(record)) {
    const braces = /[{}]/.test(record) ? '; label matchers belong in "expr"' : '';
    reader.problem(recordNode, [...path, 'record'], `${JSON.stringify(record)} is not a valid metric name (letters, digits, "_" and ":", not starting with a digit)${braces}`);
  }
  const refuse = (key: string, what: string): void => reader.problem(fields.get(key)?.keyNode, [...path, key], `a recording rule cannot have ${what}; remove it, or make the rule an "alert"`);
  if (found.forMs !== 0) refuse('for', '"for"');
  if (found.keepFiringForMs !== 0) refuse('keep_firing_for', '"keep_firing_for"');
  if (found.annotations > 0) refuse('annotations', 'annotations');
}

function parseTemplate(reader: YamlReader, entry: NamedText, path: YamlPath, alert: string): AlertTemplate | undefined {
  try {
    return AlertTemplate.parse(entry.text, alert);
  } catch (error) {
    if (!(error instanceof PromqlParseError)) throw error;
    const [start, end] = entry.value?.range ?? [0, 0];
    const offset = entry.value ? fileOffsetOfValue(reader.text, start, end, entry.text, error.offset ?? 0) : reader.offsetOf(entry.keyNode);
    reader.problemAt(offset, formatYamlPath(path), `${error.message}; fix the template syntax`);
    return undefined;
  }
}
