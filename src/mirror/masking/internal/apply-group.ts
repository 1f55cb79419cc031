import type { SqlClient } from '../sql-client.js';
import { fakeShape, MIN_LENGTH } from './fake-values.js';
import { maskError } from './mask-error.js';
import type { MaskGroup } from './plan-mask.js';
import { quoteIdent, quoteTable } from '../quote-sql.js';

const MAP = 'guardia_mask_map';

/** Masks every column of `group` (set-based, one UPDATE per column); returns the rows changed per column. */
export async function applyGroup(client: SqlClient, group: MaskGroup, key: string): Promise<number[]> {
  const method = group.method;
  if (method.kind === 'null') return updateEach(client, group, () => ({ set: 'null', where: 'is not null' }));
  if (method.kind === 'fixed') {
    const value = method.value === null ? null : String(method.value);
    return updateEach(client, group, () => ({ set: '$1' }), [value]);
  }
  await buildMapping(client, group, key);
  const counts = await updateEach(client, group, (type) => ({ set: `m.new::${type}`, from: MAP }));
  await client.query(`drop table ${MAP}`);
  return counts;
}

/** Checks that a fixed value reads as the column's type, before anything changes. */
export async function checkFixedValue(client: SqlClient, group: MaskGroup): Promise<void> {
  if (group.method.kind !== 'fixed' || group.method.value === null) return;
  const { column } = group.columns[0]!;
  try {
    await client.query(`select cast($1 as ${column.type})`, [String(group.method.value)]);
  } catch (error) {
    throw maskError(group.key, `the fixed value ${JSON.stringify(group.method.value)} is not a valid ${column.type}`, error);
  }
}

// A temp table old → new over the distinct values of every column of the group.
async function buildMapping(client: SqlClient, group: MaskGroup, key: string): Promise<void> {
  const kind = group.method.kind as keyof typeof MIN_LENGTH;
  const limits = group.columns.flatMap((c) => (c.column.maxLength === undefined ? [] : [c.column.maxLength]));
  const limit = limits.length > 0 ? Math.min(...limits) : undefined;
  if (limit !== undefined && limit < MIN_LENGTH[kind]) {
    throw maskError(group.key, `"${kind}" needs a column of at least ${MIN_LENGTH[kind]} characters; the column allows ${limit}`);
  }
  const shape = fakeShape(kind, limit);
  const values = group.columns
    .map(({ column: c }) => `select ${quoteIdent(c.column)}::text as v from ${quoteTable(c.schema, c.table)} where ${quoteIdent(c.column)} is not null`)
    .join(' union ');
  await client.query(`create temp table ${MAP} (old text primary key, h text not null, base text, new text) on commit drop`);
  // The key is a parameter, never SQL text, so it stays out of the server log.
  await client.query(
    `insert into ${MAP} (old, h) select v, encode(sha256(convert_to($1::text, 'UTF8') || '\\x00'::bytea || convert_to(v, 'UTF8')), 'hex') from (select distinct v from (${values}) u) s`,
    [key],
  );
  await client.query(`update ${MAP} set base = ${shape.base}`, shape.params);
  if (!(shape.alwaysDistinct || group.unique)) {
    await client.query(`update ${MAP} set new = base`);
    return;
  }
  await client.query(`
    update ${MAP} m set new = d.new
      from (select old, case when dup = 1 then base else ${shape.variant} end as new
              from (select old, h, base, row_number() over (partition by base order by h, old) as dup from ${MAP}) r) d
     where d.old = m.old`);
  const { rows } = await client.query(`select count(*) - count(distinct new) as clashes from ${MAP}`);
  const clashes = Number(rows[0]?.clashes);
  if (clashes > 0) throw maskError(group.key, `the column is too short to keep ${clashes} masked values distinct; widen it or use "hash"`);
}

interface Assignment {
  set: string;
  where?: string;
  from?: string;
}

async function updateEach(client: SqlClient, group: MaskGroup, assign: (type: string) => Assignment, params: unknown[] = []): Promise<number[]> {
  const counts: number[] = [];
  for (const { column: c } of group.columns) {
    const col = quoteIdent(c.column);
    const { set, where, from } = assign(c.type);
    const tail = from ? ` from ${from} m where t.${col}::text = m.old` : where ? ` where t.${col} ${where}` : '';
    const result = await client.query(`update ${quoteTable(c.schema, c.table)} t set ${col} = ${set}${tail}`, params);
    counts.push(result.rowCount ?? 0);
  }
  return counts;
}
