import type { Clock } from '../../clock/index.js';
import { holderMayBeAlive, type NamedLocks } from '../../locks/index.js';
import type { BackupRecords, RunRecord } from '../backup-records.js';
import type { Repository } from '../repository/repository.js';
import { backupPrefix } from './backup-id.js';
import { operationLockName } from './operation-lock.js';
import { removeStaging, stagingIds } from './staging-files.js';

export interface RecoverDeps {
  clock: Clock;
  dataDir: string;
  records: BackupRecords;
  locks: NamedLocks;
  /** The repositories of an environment, or undefined when it is no longer configured. */
  repositoriesOf(environment: string): readonly Repository[] | undefined;
}

/**
 * Reconciles runs that a dead process left `running`: a run is dead when its holder is a gone
 * process of this host or no longer holds the operation's lock (its lease expired). Each dead
 * run is marked `interrupted`; for backups, its staging folder and the partial folder in every
 * repository are removed. Staging folders of no live run are removed too. Returns the runs marked.
 */
export async function recoverInterrupted(deps: RecoverDeps): Promise<RunRecord[]> {
  const live = new Set<string>();
  const marked: RunRecord[] = [];
  for (const run of await deps.records.running()) {
    if (await stillRunning(deps.locks, run)) {
      live.add(run.id);
      continue;
    }
    await deps.records.finishRun(run.id, 'interrupted', deps.clock.now(), `interrupted: ${run.holder} stopped before the ${run.operation} finished`);
    marked.push(run);
    if (run.operation !== 'backup') continue;
    const prefix = backupPrefix(run.environment, run.database, run.id);
    // Best effort: an unreachable repository keeps the folder until the next prune.
    await Promise.all((deps.repositoriesOf(run.environment) ?? []).map((r) => r.deletePrefix(prefix).catch(() => undefined)));
  }
  for (const id of await stagingIds(deps.dataDir)) {
    if (!live.has(id)) await removeStaging(deps.dataDir, id);
  }
  return marked;
}

async function stillRunning(locks: NamedLocks, run: RunRecord): Promise<boolean> {
  if (!holderMayBeAlive(run.holder)) return false;
  const lock = await locks.holderOf(operationLockName(run.operation, run.environment, run.database));
  return lock?.holder === run.holder;
}
