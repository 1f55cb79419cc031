import type { Store } from '../store/store.js';
import type { ProbeStatus } from './probe.js';
import type { ProbeState } from './probe-state.js';

/** Current states of every probe that has run, ordered by probe id. */
export async function loadProbeStates(store: Store): Promise<ProbeState[]> {
  const rows = await store.db.selectFrom('probe_state').selectAll().orderBy('probe_id').execute();
  return rows.map((r) => ({
    probeId: r.probe_id,
    env: r.env,
    probe: r.probe,
    kind: r.kind,
    status: r.status as ProbeStatus,
    reason: r.reason,
    sinceMs: Number(r.since_ms),
    lastRunMs: Number(r.last_run_ms),
    durationMs: Number(r.duration_ms),
  }));
}
