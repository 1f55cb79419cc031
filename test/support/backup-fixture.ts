import { readFileSync } from 'node:fs';
import type { PgCluster } from './pg-cluster.js';

/**
 * A database covering what a logical backup must carry over (see `backup-fixture.sql`):
 * sequences with advanced values, large objects, extensions (pg_trgm, hstore), an enum, views,
 * a populated materialized view, functions, a trigger, a partitioned table, an unlogged table,
 * comments, non-ASCII and quoted identifiers, jsonb, bytea and arrays, owned by a role that
 * only the globals carry. `databaseFingerprint` reads it back, table by table and object by
 * object, so two databases can be compared with one `toEqual`.
 */

/** The role the fixture's objects belong to; it travels in `globals.sql`. */
export const FIXTURE_ROLE = 'guardia_fixture_owner';

const FIXTURE_SQL = readFileSync(new URL('./backup-fixture.sql', import.meta.url), 'utf8');

/** Creates `database` on `cluster` (and the fixture role when missing) and loads the fixture into it. */
export async function loadBackupFixture(cluster: PgCluster, database: string): Promise<void> {
  await cluster.query(`do $$ begin
    if not exists (select from pg_roles where rolname = '${FIXTURE_ROLE}') then create role ${FIXTURE_ROLE} login password 'fixture-secret'; end if;
  end $$`);
  await cluster.query(`create database "${database}"`);
  await cluster.query(FIXTURE_SQL, database);
}

/** User schemas: not the catalogs, not information_schema, not TOAST or temporary ones. */
const USER_SCHEMA = "n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_'";
/** Objects not created by an extension. */
const NOT_EXTENSION = (classTable: string, oid: string) =>
  `not exists (select from pg_depend dep where dep.classid = '${classTable}'::regclass and dep.objid = ${oid} and dep.deptype = 'e')`;

const CATALOG_QUERIES: Record<string, string> = {
  relations: `select n.nspname || '.' || c.relname || ' ' || c.relkind::text || c.relpersistence::text || ' owner=' || c.relowner::regrole || ' populated=' || c.relispopulated
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${USER_SCHEMA} and ${NOT_EXTENSION('pg_class', 'c.oid')} order by 1`,
  columns: `select a.attrelid::regclass || '.' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(ad.adbin, ad.adrelid), '')
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
    where a.attnum > 0 and not a.attisdropped and ${USER_SCHEMA} and ${NOT_EXTENSION('pg_class', 'c.oid')} order by 1`,
  constraints: `select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid <> 0 and connamespace = 'public'::regnamespace order by 1`,
  indexes: `select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace where ${USER_SCHEMA} order by 1`,
  views: `select c.relname || ': ' || pg_get_viewdef(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('v', 'm') and ${USER_SCHEMA} order by 1`,
  functions: `select pg_get_functiondef(p.oid) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where ${USER_SCHEMA} and ${NOT_EXTENSION('pg_proc', 'p.oid')} order by 1`,
  triggers: `select pg_get_triggerdef(oid) from pg_trigger where not tgisinternal order by 1`,
  comments: `select pg_describe_object(classoid, objoid, objsubid) || ': ' || description from pg_description ds
    where objoid >= 16384 and not exists (select from pg_depend dep where dep.classid = ds.classoid and dep.objid = ds.objoid and dep.deptype = 'e') order by 1`,
  enums: `select enumtypid::regtype || ' ' || string_agg(enumlabel, ',' order by enumsortorder) from pg_enum group by enumtypid order by 1`,
  extensions: `select extname || ' ' || extversion from pg_extension order by 1`,
  sequences: `select schemaname || '.' || sequencename || ' last=' || coalesce(last_value::text, 'null') || ' start=' || start_value || ' by=' || increment_by from pg_sequences order by 1`,
  largeObjects: `select m.oid || ' ' || m.lomowner::regrole || ' ' || md5(lo_get(m.oid)) || ' ' || coalesce(obj_description(m.oid, 'pg_largeobject'), '') from pg_largeobject_metadata m order by m.oid`,
  privileges: `select c.relname || ' ' || coalesce(c.relacl::text, '') from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${USER_SCHEMA} and c.relacl is not null order by 1`,
};

/**
 * Everything compared after a round trip: for each user table (partitions included) its row
 * count and the md5 of its rows as text in a stable order; then the catalog as text
 * (relations with kind, persistence, owner and populated flag; columns and defaults;
 * constraints; indexes; view and function definitions; triggers; comments; enum labels;
 * extensions; sequence positions; large objects' contents; privileges).
 */
export async function databaseFingerprint(cluster: PgCluster, database: string): Promise<Record<string, string[]>> {
  const fingerprint: Record<string, string[]> = {};
  const tables = await cluster.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'm') and ${USER_SCHEMA} order by 1`,
    database,
  );
  fingerprint.tables = [];
  for (const { name } of tables) {
    const [row] = await cluster.query<{ rows: string; digest: string }>(
      `select count(*) as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as digest from ${name} t`,
      database,
    );
    fingerprint.tables.push(`${name} rows=${row?.rows} md5=${row?.digest}`);
  }
  for (const [key, sql] of Object.entries(CATALOG_QUERIES)) {
    const rows = await cluster.query<Record<string, unknown>>(sql, database);
    fingerprint[key] = rows.map((row) => String(Object.values(row)[0]));
  }
  return fingerprint;
}
