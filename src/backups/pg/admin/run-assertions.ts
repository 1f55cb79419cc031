import { isServerError } from '../../../probes/internal/pg-connection.js';
import { errorReason } from '../../../probes/internal/error-reason.js';
import type { PgClient } from './admin-session.js';

/**
 * Runs each of the user's SQL assertions in its own READ ONLY transaction, rolled back: it
 * passes when it returns exactly one row whose first column is true. A SQL error fails that
 * assertion only.
 */
export async function runAssertions(client: PgClient, statements: readonly string[]): Promise<{ sql: string; passed: boolean; detail: string }[]> {
  const results: { sql: string; passed: boolean; detail: string }[] = [];
  for (const sql of statements) {
    await client.simpleQuery('begin transaction read only');
    try {
      const { rows } = await client.query(sql);
      const first = rows[0]?.[0];
      if (rows.length !== 1) results.push({ sql, passed: false, detail: `returned ${rows.length} rows, expected one` });
      else results.push({ sql, passed: first === true, detail: `returned ${String(first)}` });
    } catch (error) {
      if (!isServerError(error)) throw error;
      results.push({ sql, passed: false, detail: errorReason(error) });
    } finally {
      // On a dead connection the next statement reports it; the rollback's own failure adds nothing.
      await client.simpleQuery('rollback').catch(() => undefined);
    }
  }
  return results;
}
