import type { SqlProbeSpec } from '../../../config/resolved-config.js';
import type { PgResult } from '../../internal/pg-client.js';
import { cellNumber, cellText } from './cell-value.js';
import { labelNameProblem } from './label-name.js';

/** One row of the result: its label columns and its value. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** Most rows (series) one query may return; beyond it the probe is down rather than flood the store. */
export const MAX_ROWS = 1_000;

type Failure = { failure: string };

/**
 * Reads the result as samples: the value column (`value`, else the last column) and the
 * label columns (`labels`, else every other column). A result that cannot be read that way
 * is a failure whose reason names the column, never the rows.
 */
export function readSamples(result: PgResult, spec: Pick<SqlProbeSpec, 'labels' | 'value'>): Sample[] | Failure {
  const columns = selectColumns(result.fields.map((f) => f.name), spec);
  if ('failure' in columns) return columns;
  if (result.rows.length === 0) return { failure: 'query returned no rows' };
  if (result.rows.length > MAX_ROWS) return { failure: `query returned ${result.rows.length} rows; at most ${MAX_ROWS} are read` };
  const samples: Sample[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of result.rows.entries()) {
    const value = cellNumber(row[columns.value.index], columns.value.name);
    const where = result.rows.length > 1 ? ` (row ${index + 1})` : '';
    if (typeof value !== 'number') return { failure: `${value.failure}${where}` };
    const labels = Object.fromEntries(columns.labels.map(({ name, index: at }) => [name, cellText(row[at])]));
    const key = JSON.stringify(labels);
    const earlier = seen.get(key);
    if (earlier !== undefined) return { failure: `rows ${earlier + 1} and ${index + 1} have the same labels; each row must be one series` };
    seen.set(key, index);
    samples.push({ labels, value });
  }
  return samples;
}

interface Column {
  name: string;
  index: number;
}

function selectColumns(names: string[], spec: Pick<SqlProbeSpec, 'labels' | 'value'>): { value: Column; labels: Column[] } | Failure {
  if (names.length === 0) return { failure: 'query returned no columns' };
  const find = (name: string): Column | Failure => {
    const matches = names.flatMap((n, index) => (n === name ? [index] : []));
    if (matches.length === 0) return { failure: `query returned no column "${name}"` };
    if (matches.length > 1) return { failure: `query returned column "${name}" ${matches.length} times; rename them with "as"` };
    return { name, index: matches[0] as number };
  };
  const value = spec.value === undefined ? { name: names[names.length - 1] as string, index: names.length - 1 } : find(spec.value);
  if ('failure' in value) return value;
  const labelNames = spec.labels ?? names.filter((_, index) => index !== value.index);
  const labels: Column[] = [];
  for (const name of labelNames) {
    const problem = labelNameProblem(name);
    if (problem) return { failure: problem };
    const column = find(name);
    if ('failure' in column) return column;
    labels.push(column);
  }
  return { value, labels };
}
