import { isServerError } from '../../../probes/internal/pg-connection.js';
import { errorReason } from '../../../probes/internal/error-reason.js';
import { column } from './admin-session.js';
import type { PgClient } from './admin-session.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './sql-text.js';

/** SQLSTATE of "permission denied". */
const INSUFFICIENT_PRIVILEGE = '42501';

/** Valid, ready btree indexes outside pg_catalog and information_schema (TOAST indexes included). */
const BTREE_INDEXES = `
  select n.nspname, c.relname
  from pg_catalog.pg_index i
    join pg_catalog.pg_class c on c.oid = i.indexrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    join pg_catalog.pg_am am on am.oid = c.relam
  where am.amname = 'btree' and i.indisvalid and i.indisready and c.relpersistence <> 't'
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(temp_|toast_temp_)'
  order by 1, 2`;

/**
 * Runs amcheck's `bt_index_check` on every btree index of the connected database, creating
 * the extension first. Skipped (with the reason) when the server does not ship amcheck or
 * this user may not create or run it; a corrupt index is a failure naming it.
 */
export async function runAmcheck(client: PgClient): Promise<{ indexes: number; failures: string[] } | { skipped: string }> {
  const [shipped] = await column(client, "select pg_catalog.count(*) from pg_catalog.pg_available_extensions where name = 'amcheck'");
  if (shipped === '0') return { skipped: 'the server has no amcheck extension (install postgresql-contrib)' };
  try {
    await client.query('create extension if not exists amcheck');
  } catch (error) {
    if (!isServerError(error)) throw error;
    return { skipped: `cannot create the amcheck extension: ${errorReason(error)}` };
  }
  const [schema] = await column(client, "select n.nspname from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace where e.extname = 'amcheck'");
  const check = `${quoteIdent(schema as string)}.bt_index_check`;
  const indexes = (await client.query(BTREE_INDEXES)).rows.map(([s, name]) => ({ schema: String(s), name: String(name) }));
  const failures: string[] = [];
  for (const index of indexes) {
    try {
      await client.query(`select ${check}(${quoteLiteral(qualifiedName(index))}::pg_catalog.regclass)`);
    } catch (error) {
      if (!isServerError(error)) throw error;
      if (error.code === INSUFFICIENT_PRIVILEGE) return { skipped: `no permission to run bt_index_check: ${errorReason(error)}` };
      failures.push(`${index.schema}.${index.name}: ${errorReason(error)}`);
    }
  }
  return { indexes: indexes.length, failures };
}
