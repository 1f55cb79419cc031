import { NotFoundError } from '../../errors.js';
import type { BackupContext } from '../backup-context.js';

/** The connection string of the backed-up database named `database` in the config. */
export function databaseUrl(ctx: BackupContext, database: string): string {
  const found = ctx.config.databases.find((d) => d.name === database);
  if (!found) throw new NotFoundError(`database "${database}" is not among the backups of ${ctx.environment}`);
  return found.url;
}

/** The server scratch databases go to: `verify.server`, else the backed-up database's own server. */
export function scratchServer(ctx: BackupContext, database: string): string {
  return ctx.config.verify.server ?? databaseUrl(ctx, database);
}

/** `guardia_verify_<id>` with `-` as `_`, lower case: a name that needs no quoting. */
export function verifyDatabaseName(backupId: string): string {
  return `guardia_verify_${backupId.replace(/-/g, '_').toLowerCase()}`;
}

/**
 * Creates database `name` on `serverUrl` (dropping a leftover of a run that died first), runs
 * `work` with its URL, and drops it whatever happens.
 */
export async function withScratchDatabase<T>(ctx: BackupContext, serverUrl: string, name: string, work: (url: string) => Promise<T>): Promise<T> {
  await ctx.pgAdmin.dropDatabase(serverUrl, name);
  await ctx.pgAdmin.createDatabase(serverUrl, name);
  let result: T;
  try {
    result = await work(ctx.pgAdmin.withDatabase(serverUrl, name));
  } catch (error) {
    // The work's failure is the news; a failed drop after it would only hide it.
    await ctx.pgAdmin.dropDatabase(serverUrl, name).catch(() => undefined);
    throw error;
  }
  await ctx.pgAdmin.dropDatabase(serverUrl, name);
  return result;
}
