import pg from 'pg';
import { UnavailableError } from '../../errors.js';

/** The narrow view of the app database connection that migrations use. */
export interface AppDatabase {
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}

/** Opens one session to the app database (advisory locks and SET are per session). */
export async function connectAppDatabase(url: string): Promise<AppDatabase> {
  const client = new pg.Client({ connectionString: url, application_name: 'guardia migrate' });
  // An idle-connection error would otherwise crash the process; the next query reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new UnavailableError(`cannot connect to the app database: ${(error as Error).message}`, { cause: error });
  }
  return client as unknown as AppDatabase;
}

/** `"name"`: a quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
