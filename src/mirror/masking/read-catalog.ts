import type { SqlClient } from './sql-client.js';

/** One column of a user table, as masking and the coverage check see it. */
export interface CatalogColumn {
  schema: string;
  table: string;
  column: string;
  /** `format_type()` of the column, e.g. `character varying(20)`. */
  type: string;
  /** Text-like (type category S: text, varchar, char, citext, domains over them). */
  textLike: boolean;
  notNull: boolean;
  /** The n of varchar(n)/char(n); undefined when unlimited. */
  maxLength?: number;
  /** Part of a unique index, unique constraint or primary key. */
  unique: boolean;
  /** The planner's row estimate of the table (-1 when never analyzed). */
  tableRows: number;
}

/** One column pair of a foreign key: `child` references `parent`. */
export interface ForeignKeyPair {
  child: ColumnRef;
  parent: ColumnRef;
}

/** A column by name (a MaskRule or an AllowedColumn fits). */
export interface ColumnRef {
  schema: string;
  table: string;
  column: string;
}

/** A stable map key for a column (NUL cannot occur in identifiers). */
export function columnId(c: ColumnRef): string {
  return `${c.schema}\0${c.table}\0${c.column}`;
}

// Ordinary and partitioned tables of user schemas; partitions are reached through their parent.
const USER_TABLES = `c.relkind in ('r', 'p') and not c.relispartition
  and n.nspname not in ('pg_catalog', 'information_schema')
  and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`;

/** Every column of every user table, sorted by schema, table and column position. */
export async function readUserColumns(client: SqlClient): Promise<CatalogColumn[]> {
  const { rows } = await client.query(`
    select n.nspname as schema, c.relname as table, a.attname as column,
           format_type(a.atttypid, a.atttypmod) as type, t.typcategory = 'S' as text_like,
           a.attnotnull as not_null, c.reltuples::float8 as table_rows,
           case when t.typcategory = 'S' and a.atttypmod > 4 then a.atttypmod - 4 end as max_length,
           exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisunique and a.attnum = any (i.indkey)) as unique
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_type t on t.oid = a.atttypid
     where ${USER_TABLES} and a.attnum > 0 and not a.attisdropped
     order by n.nspname, c.relname, a.attnum`);
  return rows.map((r) => ({
    schema: String(r.schema),
    table: String(r.table),
    column: String(r.column),
    type: String(r.type),
    textLike: r.text_like === true,
    notNull: r.not_null === true,
    ...(r.max_length == null ? {} : { maxLength: Number(r.max_length) }),
    unique: r.unique === true,
    tableRows: Number(r.table_rows),
  }));
}

/** The column pairs of every foreign key between user tables (top-level constraints, not partition clones). */
export async function readForeignKeyPairs(client: SqlClient): Promise<ForeignKeyPair[]> {
  const { rows } = await client.query(`
    select cn.nspname as child_schema, cc.relname as child_table, ca.attname as child_column,
           pn.nspname as parent_schema, pc.relname as parent_table, pa.attname as parent_column
      from pg_constraint co
      cross join lateral unnest(co.conkey, co.confkey) as k(child_num, parent_num)
      join pg_class cc on cc.oid = co.conrelid
      join pg_namespace cn on cn.oid = cc.relnamespace
      join pg_attribute ca on ca.attrelid = cc.oid and ca.attnum = k.child_num
      join pg_class pc on pc.oid = co.confrelid
      join pg_namespace pn on pn.oid = pc.relnamespace
      join pg_attribute pa on pa.attrelid = pc.oid and pa.attnum = k.parent_num
     where co.contype = 'f' and co.conparentid = 0
     order by 1, 2, 3, 4, 5, 6`);
  return rows.map((r) => ({
    child: { schema: String(r.child_schema), table: String(r.child_table), column: String(r.child_column) },
    parent: { schema: String(r.parent_schema), table: String(r.parent_table), column: String(r.parent_column) },
  }));
}
