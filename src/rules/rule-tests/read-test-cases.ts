import type { Node } from 'yaml';
import { PromqlParseError } from '../../errors.js';
import { parseExpr, type Metric } from '../../promql/index.js';
import { withoutEmpty } from '../internal/label-set.js';
import { fileOffsetOfValue } from '../internal/value-offset.js';
import { formatYamlPath, type YamlPath, type YamlReader } from '../internal/yaml-reader.js';
import type { AlertTest, ExprTest, InputSeries } from './rule-test-file.js';
import { parseSeriesLabels } from './series-labels-parser.js';
import { parseSeriesValues } from './series-values-parser.js';

/** `input_series[i]`: a series description and its values. */
export function readInputSeries(reader: YamlReader, node: Node | null, path: YamlPath): InputSeries | undefined {
  const fields = reader.mapping(node, path, ['series', 'values']);
  if (!fields) return undefined;
  const metric = readLabels(reader, fields.get('series')?.value ?? null, [...path, 'series']);
  const valuesNode = fields.get('values')?.value ?? null;
  const text = reader.string(valuesNode, [...path, 'values']);
  const slots = text === undefined ? undefined : parsed(reader, valuesNode, text, [...path, 'values'], parseSeriesValues);
  return metric && slots && { metric: withoutEmpty(metric), slots };
}

/** `alert_rule_test[i]`: an alert name, an evaluation time and the alerts expected to fire then. */
export function readAlertTest(reader: YamlReader, node: Node | null, path: YamlPath): AlertTest | undefined {
  const fields = reader.mapping(node, path, ['eval_time', 'alertname', 'exp_alerts']);
  if (!fields) return undefined;
  const evalTimeMs = readDuration(reader, fields.get('eval_time')?.value, [...path, 'eval_time']);
  const alertname = reader.string(fields.get('alertname')?.value ?? null, [...path, 'alertname']);
  if (alertname === '') reader.problem(node, path, 'an alert test needs "alertname" (the alert to check)');
  const items = reader.sequence(fields.get('exp_alerts')?.value ?? null, [...path, 'exp_alerts']) ?? [];
  const expected = items.map((item, i) => {
    const itemPath = [...path, 'exp_alerts', i];
    const alert = reader.mapping(item, itemPath, ['exp_labels', 'exp_annotations']);
    const labels = readStringMap(reader, alert?.get('exp_labels')?.value ?? null, [...itemPath, 'exp_labels']);
    const annotations = readStringMap(reader, alert?.get('exp_annotations')?.value ?? null, [...itemPath, 'exp_annotations']);
    // Prometheus adds the alert name itself; the test names it once, in `alertname`.
    return { labels: { ...labels, alertname: alertname ?? '' }, annotations };
  });
  if (evalTimeMs === undefined || !alertname) return undefined;
  return { evalTimeMs, alertname, expected };
}

/** `promql_expr_test[i]`: an expression, an evaluation time and the samples expected. */
export function readExprTest(reader: YamlReader, node: Node | null, path: YamlPath): ExprTest | undefined {
  const fields = reader.mapping(node, path, ['expr', 'eval_time', 'exp_samples']);
  if (!fields) return undefined;
  const exprNode = fields.get('expr')?.value ?? null;
  const exprText = reader.string(exprNode, [...path, 'expr']);
  const evalTimeMs = readDuration(reader, fields.get('eval_time')?.value, [...path, 'eval_time']);
  const items = reader.sequence(fields.get('exp_samples')?.value ?? null, [...path, 'exp_samples']) ?? [];
  const expected = items.flatMap((item, i) => {
    const itemPath = [...path, 'exp_samples', i];
    const sample = reader.mapping(item, itemPath, ['labels', 'value']);
    const labels = readLabels(reader, sample?.get('labels')?.value ?? null, [...itemPath, 'labels']);
    const valueNode = sample?.get('value');
    const value = valueNode ? reader.number(valueNode.value, [...itemPath, 'value']) : 0;
    return labels === undefined || value === undefined ? [] : [{ labels, value }];
  });
  if (exprText === undefined || evalTimeMs === undefined) return undefined;
  const expr = parsed(reader, exprNode, exprText, [...path, 'expr'], parseExpr);
  return expr && { exprText, expr, evalTimeMs, expected };
}

/** A mapping of strings (`external_labels`, `exp_labels`, `exp_annotations`). */
export function readStringMap(reader: YamlReader, node: Node | null, path: YamlPath): Metric {
  const out: Record<string, string> = {};
  for (const entry of reader.mapping(node, path, [])?.values() ?? []) {
    const value = reader.string(entry.value, [...path, entry.key]);
    if (value !== undefined) out[entry.key] = value;
  }
  return out;
}

/** A duration that may be left out (0). */
export function readDuration(reader: YamlReader, node: Node | null | undefined, path: YamlPath): number | undefined {
  return node === undefined ? 0 : reader.duration(node, path);
}

function readLabels(reader: YamlReader, node: Node | null, path: YamlPath): Metric | undefined {
  const text = reader.string(node, path);
  if (text === undefined) return undefined;
  return parsed(reader, node, text, path, parseSeriesLabels, '; write a series like name{label="value"}');
}

/** Runs a parser on a value; a `PromqlParseError` becomes a problem at its place in the file. */
function parsed<T>(reader: YamlReader, node: Node | null, text: string, path: YamlPath, parse: (text: string) => T, hint = ''): T | undefined {
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof PromqlParseError)) throw error;
    const [start, end] = node?.range ?? [0, 0];
    reader.problemAt(fileOffsetOfValue(reader.text, start, end, text, error.offset ?? 0), formatYamlPath(path), error.message + hint);
    return undefined;
  }
}
