import { BackupFailedError, UnavailableError } from '../../../errors.js';
import type { PgClient } from '../../../probes/internal/pg-client.js';
import { PgConnection } from '../../../probes/internal/pg-connection.js';
import { describeConnectionString } from '../../../probes/internal/pg-connection-target.js';
import { pgErrorReason } from '../../../probes/internal/pg-error-reason.js';

export type { PgClient } from '../../../probes/internal/pg-client.js';

/** SQLSTATE of "database does not exist". */
export const MISSING_DATABASE = '3D000';

/**
 * Opens one connection to `url` (libpq semantics, through the probes' driver), runs `work`
 * and closes it. A failure to connect is `UnavailableError` naming the target without its
 * password (its `cause` keeps the server's error, so callers can tell a missing database);
 * a failed statement is `BackupFailedError` with the server's message.
 */
export async function withSession<T>(url: string, work: (client: PgClient) => Promise<T>): Promise<T> {
  const connection = new PgConnection(url);
  const where = describeConnectionString(url);
  const secrets = [connection.password()];
  const never = new AbortController().signal;
  let connected = false;
  try {
    return await connection.use(never, (client) => {
      connected = true;
      return work(client);
    });
  } catch (error) {
    if (error instanceof UnavailableError || error instanceof BackupFailedError) throw error;
    const reason = pgErrorReason(error, never, 0, secrets);
    if (!connected) throw new UnavailableError(`cannot connect to ${where}: ${reason}`, { cause: error });
    throw new BackupFailedError(`${reason} (on ${where})`, { cause: error });
  } finally {
    await connection.close();
  }
}

/** Whether `error` (from `withSession`) says the database does not exist. */
export function isMissingDatabase(error: unknown): boolean {
  const cause = error instanceof UnavailableError ? error.cause : undefined;
  return (cause as { code?: unknown } | undefined)?.code === MISSING_DATABASE;
}

/** The first column of every row, as text (node-pg returns bigint and numeric as strings). */
export async function column(client: PgClient, sql: string): Promise<string[]> {
  const result = await client.query(sql);
  return result.rows.map((row) => String(row[0]));
}
