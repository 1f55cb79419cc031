import { resolvePgTarget } from '../../../probes/internal/pg-connection-target.js';
import { isMissingDatabase, withSession } from './admin-session.js';
import type { PgClient } from './admin-session.js';
import { withDatabase } from './database-url.js';

/**
 * A session on the server of `serverUrl` in a database other than `avoid` (one cannot drop
 * the database one is connected to): the URL's own database, else `postgres`, else
 * `template1`, moving on only when a database does not exist.
 */
export async function withMaintenanceSession<T>(serverUrl: string, avoid: string, work: (client: PgClient) => Promise<T>): Promise<T> {
  const candidates = [...new Set([resolvePgTarget(serverUrl).database, 'postgres', 'template1'])].filter((name) => name !== avoid);
  for (const [index, database] of candidates.entries()) {
    try {
      return await withSession(withDatabase(serverUrl, database), work);
    } catch (error) {
      if (!isMissingDatabase(error) || index === candidates.length - 1) throw error;
    }
  }
  // Unreachable: `postgres` and `template1` cannot both equal `avoid`.
  throw new Error('no maintenance database');
}
