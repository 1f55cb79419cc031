import type { PgClient, PgResult } from '../../internal/pg-client.js';

/**
 * Runs one statement in a READ ONLY transaction that is always rolled back, with the
 * server cancelling it after `timeoutMs`. The extended protocol refuses a second statement,
 * so `select 1; commit; delete …` cannot end the transaction and write.
 */
export async function readOnlyQuery(client: PgClient, query: string, timeoutMs: number): Promise<PgResult> {
  await client.simpleQuery(`begin transaction read only; set local statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  let failed = false;
  try {
    return await client.query(query);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failed statement the rollback's own failure (a dead connection) adds nothing.
    await client.simpleQuery('rollback').catch((error: unknown) => {
      if (!failed) throw error;
    });
  }
}
