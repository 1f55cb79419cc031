import type { ManifestTable } from '../../manifest.js';
import { column } from './admin-session.js';
import type { PgClient } from './admin-session.js';
import { dumpPatternsCondition } from './dump-pattern.js';
import { qualifiedName, quoteLiteral } from './sql-text.js';

/** Namespaces that hold no user data. */
const SYSTEM_SCHEMAS = "n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)'";

/**
 * The tables whose rows `pg_dump` writes: ordinary tables and partitions (the leaves that
 * hold data; a partitioned parent holds none), unlogged ones included, temporary ones, system
 * catalogs and extension members left out, nor those `excludeTableData` matches.
 */
export async function listDataTables(client: PgClient, excludeTableData: readonly string[]): Promise<{ schema: string; name: string }[]> {
  const result = await client.query(`
    select n.nspname, c.relname
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and c.relpersistence <> 't' and ${SYSTEM_SCHEMAS}
      and not exists (select 1 from pg_catalog.pg_depend d
                      where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e')
      and not (${dumpPatternsCondition(excludeTableData)})
    order by 1, 2`);
  return result.rows.map(([schema, name]) => ({ schema: String(schema), name: String(name) }));
}

/** Exact row counts (`count(*)` of each table's own rows, as pg_dump's `COPY ONLY` reads them), one statement per table. */
export async function countTables(client: PgClient, tables: readonly { schema: string; name: string }[]): Promise<ManifestTable[]> {
  const counted: ManifestTable[] = [];
  for (const table of tables) {
    const [rows] = await column(client, `select pg_catalog.count(*) from only ${qualifiedName(table)}`);
    counted.push({ schema: table.schema, name: table.name, rows: Number(rows) });
  }
  return counted;
}

/** Those of `tables` that exist in the connected database. */
export async function existingTables<T extends { schema: string; name: string }>(client: PgClient, tables: readonly T[]): Promise<T[]> {
  const existing: T[] = [];
  for (const table of tables) {
    const [found] = await column(client, `select pg_catalog.to_regclass(${quoteLiteral(qualifiedName(table))}) is not null`);
    if (found === 'true') existing.push(table);
  }
  return existing;
}

/** Whether the connected database holds no user objects: no relations, functions, types or large objects outside the system schemas. */
export async function databaseIsEmpty(client: PgClient): Promise<boolean> {
  const [empty] = await column(client, `
    select not exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace where ${SYSTEM_SCHEMAS})
       and not exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace where ${SYSTEM_SCHEMAS})
       and not exists (select 1 from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace where ${SYSTEM_SCHEMAS})
       and not exists (select 1 from pg_catalog.pg_largeobject_metadata)`);
  return empty === 'true';
}
