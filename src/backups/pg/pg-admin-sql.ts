import type { ManifestTable } from '../manifest.js';
import { column, isMissingDatabase, withSession } from './admin/admin-session.js';
import { countTables, databaseIsEmpty, existingTables, listDataTables } from './admin/data-tables.js';
import { withDatabase } from './admin/database-url.js';
import { withMaintenanceSession } from './admin/maintenance-session.js';
import { runAmcheck } from './admin/run-amcheck.js';
import { runAssertions } from './admin/run-assertions.js';
import { quoteIdent } from './admin/sql-text.js';
import type { PgAdmin } from './pg-admin.js';

/** `DROP DATABASE … WITH (FORCE)` exists from PostgreSQL 13. */
const DROP_FORCE_FROM = 130000;

/** PgAdmin over the probes' pg driver: one short-lived connection per call. */
export function createPgAdmin(): PgAdmin {
  return {
    async serverVersion(url) {
      const [version] = await withSession(url, (client) => column(client, 'show server_version_num'));
      return Number(version);
    },

    async withSnapshot(url, excludeTableData, dump) {
      const { dumped, tables } = await withSession(url, async (client) => {
        await client.simpleQuery('begin transaction isolation level repeatable read read only');
        try {
          const [snapshot] = await column(client, 'select pg_catalog.pg_export_snapshot()');
          const listed = await listDataTables(client, excludeTableData);
          // The dump imports the snapshot while this transaction stays open; counting in the
          // same transaction reads exactly what the dump reads.
          const dumping = dump(snapshot as string).then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          const counted = await countTables(client, listed).finally(() => dumping);
          return { dumped: await dumping, tables: counted };
        } finally {
          await client.simpleQuery('rollback').catch(() => undefined);
        }
      });
      if (!dumped.ok) throw dumped.error;
      return { result: dumped.value, tables };
    },

    async createDatabase(serverUrl, name) {
      await withMaintenanceSession(serverUrl, name, (client) => client.query(`create database ${quoteIdent(name)} template template0 encoding 'UTF8'`));
    },

    async dropDatabase(serverUrl, name) {
      await withMaintenanceSession(serverUrl, name, async (client) => {
        const [version] = await column(client, 'show server_version_num');
        const force = Number(version) >= DROP_FORCE_FROM ? ' with (force)' : '';
        await client.query(`drop database if exists ${quoteIdent(name)}${force}`);
      });
    },

    async inspect(url) {
      try {
        return await withSession(url, async (client) => {
          const [size] = await column(client, 'select pg_catalog.pg_database_size(pg_catalog.current_database())');
          return { sizeBytes: Number(size), empty: await databaseIsEmpty(client) };
        });
      } catch (error) {
        if (isMissingDatabase(error)) return undefined;
        throw error;
      }
    },

    tablesBeingCopied(url) {
      return withSession(url, (client) =>
        column(
          client,
          `select n.nspname || '.' || c.relname from pg_catalog.pg_stat_progress_copy p
             join pg_catalog.pg_class c on c.oid = p.relid join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where p.datname = pg_catalog.current_database()`,
        ),
      );
    },

    countRows(url, tables): Promise<ManifestTable[]> {
      return withSession(url, async (client) => countTables(client, await existingTables(client, tables)));
    },

    amcheck(url) {
      return withSession(url, runAmcheck);
    },

    assert(url, statements) {
      return withSession(url, (client) => runAssertions(client, statements));
    },

    withDatabase,
  };
}
