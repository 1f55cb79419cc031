import type { Clock } from '../../clock/index.js';
import { createPgAdmin } from '../../backups/pg/pg-admin-sql.js';
import { column } from '../../backups/pg/admin/admin-session.js';
import { withMaintenanceSession } from '../../backups/pg/admin/maintenance-session.js';
import { quoteIdent, quoteLiteral } from '../../backups/pg/admin/sql-text.js';
import { RefusedError } from '../../errors.js';
import { formatBytes } from '../../probes/internal/format-bytes.js';
import { describeConnectionString } from '../../probes/index.js';
import { resolvePgTarget } from '../../probes/internal/pg-connection-target.js';

/** PostgreSQL truncates longer names (NAMEDATALEN - 1). */
const MAX_NAME = 63;
/** How long terminated sessions may take to leave the target before the swap gives up. */
const LEAVE_WAIT_MS = 10_000;
const LEAVE_POLL_MS = 100;

const admin = createPgAdmin();

/** The database of a connection string. */
export function databaseOf(url: string): string {
  return resolvePgTarget(url).database;
}

/** `<db>_<role>_<suffix>`, shortening `<db>` so the whole fits PostgreSQL's 63 characters. */
export function siblingName(database: string, role: 'mirror' | 'check' | 'old', suffix: string): string {
  const tail = `_${role}_${suffix}`;
  return `${database.slice(0, MAX_NAME - tail.length)}${tail}`;
}

/** `url` pointing at database `name` on the same server. */
export function siblingUrl(url: string, name: string): string {
  return admin.withDatabase(url, name);
}

/** Refuses a target that exists and holds objects unless `yes`, showing host, database and size as `backup restore` does. */
export async function refuseNonEmpty(url: string, yes: boolean | undefined, what: string): Promise<void> {
  const existing = await admin.inspect(url);
  if (existing && !existing.empty && !yes) {
    throw new RefusedError(`${describeConnectionString(url)} is not empty (${formatBytes(existing.sizeBytes)}): pass --yes to replace it with ${what}`);
  }
}

/** Drops database `name` on the server of `url`; absent is not an error. */
export function dropDatabase(url: string, name: string): Promise<void> {
  return admin.dropDatabase(url, name);
}

/**
 * Puts `scratch` in place of the database of `url`. An existing target stops taking connections,
 * its sessions are ended, and both renames run in one transaction (old → `old`, scratch →
 * target), so the target name never points at a half-done copy; then the old one is dropped.
 * When the swap fails the target is left as it was, taking connections again.
 */
export async function swapDatabase(url: string, scratch: string, old: string, clock: Clock): Promise<void> {
  const target = databaseOf(url);
  const renamed = await withMaintenanceSession(url, target, async (client) => {
    const exists = (await column(client, `select count(*) from pg_catalog.pg_database where datname = ${quoteLiteral(target)}`))[0] !== '0';
    if (!exists) {
      await client.simpleQuery(`alter database ${quoteIdent(scratch)} rename to ${quoteIdent(target)}`);
      return false;
    }
    await client.simpleQuery(`alter database ${quoteIdent(target)} allow_connections false`);
    try {
      await endSessions(client, target, clock);
      await client.simpleQuery(
        `begin; alter database ${quoteIdent(target)} rename to ${quoteIdent(old)}; alter database ${quoteIdent(scratch)} rename to ${quoteIdent(target)}; commit`,
      );
      return true;
    } catch (error) {
      await client.simpleQuery('rollback').catch(() => undefined);
      await client.simpleQuery(`alter database ${quoteIdent(target)} allow_connections true`).catch(() => undefined);
      throw error;
    }
  });
  if (renamed) await admin.dropDatabase(url, old);
}

type Session = Parameters<Parameters<typeof withMaintenanceSession>[2]>[0];

async function endSessions(client: Session, database: string, clock: Clock): Promise<void> {
  const others = `from pg_catalog.pg_stat_activity where datname = ${quoteLiteral(database)} and pid <> pg_catalog.pg_backend_pid()`;
  await client.simpleQuery(`select pg_catalog.pg_terminate_backend(pid) ${others}`);
  // Termination is asynchronous: a rename fails while any session is still there.
  for (let waited = 0; waited < LEAVE_WAIT_MS; waited += LEAVE_POLL_MS) {
    if ((await column(client, `select count(*) ${others}`))[0] === '0') return;
    await clock.sleep(LEAVE_POLL_MS);
  }
}
