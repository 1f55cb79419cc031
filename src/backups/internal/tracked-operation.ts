import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock/index.js';
import { holdLock, lockHolder, type NamedLocks } from '../../locks/index.js';
import type { BackupRecords, RunOperation } from '../backup-records.js';
import type { Progress } from '../backup-service.js';
import { operationLockName, operationPurpose } from './operation-lock.js';
import { RunProgress } from './run-progress.js';

export interface TrackedOperationDeps {
  clock: Clock;
  records: BackupRecords;
  locks: NamedLocks;
}

/**
 * Runs a verify, restore or drill of one database under its lock (`verify:production/app`…)
 * and as a `backup_runs` row, so `running()` of any process sees it with its progress and a
 * crash leaves a row that `recoverInterrupted()` marks. The row ends `completed` or `failed`
 * with the error's first line; the error is rethrown.
 */
export async function trackedOperation<T>(
  deps: TrackedOperationDeps,
  what: { operation: Exclude<RunOperation, 'backup'>; environment: string; database: string; onProgress?: (progress: Progress) => void },
  fn: (onProgress: (progress: Progress) => void) => Promise<T>,
): Promise<T> {
  const { operation, environment, database } = what;
  const id = `${operation}_${randomBytes(6).toString('hex')}`;
  const holder = lockHolder(`${operationPurpose(operation, environment, database)} ${id}`);
  const lock = await holdLock(deps.locks, operationLockName(operation, environment, database), holder, { clock: deps.clock, what: `${operation} of ${environment}/${database}` });
  try {
    await deps.records.startRun({ id, environment, database, operation, startedAt: deps.clock.now(), holder });
    const progress = new RunProgress(id, { operation, environment, database }, { clock: deps.clock, records: deps.records, onProgress: what.onProgress });
    try {
      const result = await fn((p) => progress.update(p));
      await deps.records.finishRun(id, 'completed', deps.clock.now());
      return result;
    } catch (error) {
      await deps.records.finishRun(id, 'failed', deps.clock.now(), (error as Error).message ?? String(error));
      throw error;
    }
  } finally {
    await lock.release();
  }
}
