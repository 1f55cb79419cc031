import type { AllowedColumn, MaskRule } from '../mask-rule.js';
import { linkedColumns } from '../masking/linked-columns.js';
import { columnId, readForeignKeyPairs, readUserColumns, type CatalogColumn, type ForeignKeyPair } from '../masking/read-catalog.js';
import type { SqlClient } from '../masking/sql-client.js';
import { personalNameMatch } from './internal/match-column-name.js';
import { classifyValues, sampleValues } from './internal/sample-values.js';

/** A column that looks personal and that no rule masks. */
export interface PersonalColumn {
  schema: string;
  table: string;
  column: string;
  type: string;
  /** Why it was flagged, e.g. `name looks like an e-mail column`. */
  reason: string;
}

/**
 * The columns of user tables that look personal (by name, or by a sample of their values looking
 * like e-mail addresses or phone numbers) and that no rule covers: no column rule, no truncate of
 * their table, not allowed, and not linked by a foreign key to a masked column (masking follows those).
 * Sorted by schema, table and column. `sample` is how many values to read per text column (50).
 */
export async function findUncoveredColumns(
  client: SqlClient,
  rules: readonly MaskRule[],
  allow: readonly AllowedColumn[],
  options: { sample?: number } = {},
): Promise<PersonalColumn[]> {
  const columns = await readUserColumns(client);
  const covered = coveredColumns(rules, allow, await readForeignKeyPairs(client));
  const emptied = new Set(rules.flatMap((r) => (r.kind === 'truncate' ? [`${r.schema}\0${r.table}`] : [])));
  const found: PersonalColumn[] = [];
  for (const column of columns) {
    if (covered.has(columnId(column)) || emptied.has(`${column.schema}\0${column.table}`)) continue;
    const reason = await flagReason(client, column, options.sample ?? 50);
    if (reason) found.push({ schema: column.schema, table: column.table, column: column.column, type: column.type, reason });
  }
  return found.sort((a, b) => compare(a.schema, b.schema) || compare(a.table, b.table) || compare(a.column, b.column));
}

function coveredColumns(rules: readonly MaskRule[], allow: readonly AllowedColumn[], pairs: readonly ForeignKeyPair[]): Set<string> {
  const covered = new Set(allow.map(columnId));
  for (const rule of rules) {
    if (rule.kind === 'column') for (const linked of linkedColumns(rule, pairs)) covered.add(columnId(linked));
  }
  return covered;
}

async function flagReason(client: SqlClient, column: CatalogColumn, sample: number): Promise<string | undefined> {
  const what = personalNameMatch(column.column);
  if (what) return `name looks like ${what} column`;
  if (!column.textLike || sample < 1) return undefined;
  const values = await sampleValues(client, column, sample);
  const looks = classifyValues(values);
  return looks && `sampled values look like ${looks.what} (${looks.count} of ${values.length})`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
