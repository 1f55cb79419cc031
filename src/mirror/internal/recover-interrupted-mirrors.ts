import type { Clock } from '../../clock/index.js';
import { holderMayBeAlive, type NamedLocks } from '../../locks/index.js';
import type { MirrorRecords } from '../mirror-records.js';
import type { MirrorRecord } from '../mirror-service.js';

export interface RecoverMirrorsDeps {
  records: MirrorRecords;
  locks: NamedLocks;
  clock: Clock;
  /** Removes what a dead mirror may have left on the target's server (its scratch copy holds unmasked data). */
  removeLeftovers(run: MirrorRecord): Promise<void>;
}

/**
 * Marks `interrupted` the mirrors a dead process left `running`: its holder is a gone process of
 * this host, or no longer holds the target's lock (its lease expired); then removes their
 * leftovers, best effort. Returns how many were marked.
 */
export async function recoverInterruptedMirrors(deps: RecoverMirrorsDeps): Promise<number> {
  let marked = 0;
  for (const run of await deps.records.running()) {
    const lock = await deps.locks.holderOf(`mirror:${run.to}`);
    if (holderMayBeAlive(run.holder) && lock?.holder === run.holder) continue;
    await deps.records.finish(run.id, 'interrupted', deps.clock.now(), { error: `interrupted: ${run.holder} stopped before the mirror finished` });
    await deps.removeLeftovers(run).catch(() => undefined);
    marked++;
  }
  return marked;
}
