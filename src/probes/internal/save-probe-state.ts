import type { Store } from '../../store/store.js';
import type { ProbeResult, ProbeStatus } from '../probe.js';

/**
 * Upserts `probe_state` for a result and returns the previous status (undefined at
 * first). `since_ms` is kept while the status is unchanged.
 */
export async function saveProbeState(store: Store, result: ProbeResult): Promise<ProbeStatus | undefined> {
  return store.db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom('probe_state').select(['status', 'since_ms']).where('probe_id', '=', result.probeId).executeTakeFirst();
    const unchanged = previous?.status === result.status;
    const row = {
      env: result.env,
      probe: result.probe,
      kind: result.kind,
      status: result.status,
      reason: result.reason,
      since_ms: unchanged ? Number(previous.since_ms) : result.at,
      last_run_ms: result.at,
      duration_ms: result.durationMs,
    };
    await trx
      .insertInto('probe_state')
      .values({ probe_id: result.probeId, ...row })
      .onConflict((oc) => oc.column('probe_id').doUpdateSet(row))
      .execute();
    return previous?.status as ProbeStatus | undefined;
  });
}
