import type { BackupContext } from '../../backup-context.js';
import type { Progress } from '../../backup-service.js';

/** Merges a change into the operation's progress and reports it. */
export type ProgressReporter = (change: Partial<Progress>) => void;

/** Reports progress of one operation on one database to `ctx.onProgress`, merging each change into the last. */
export function progressReporter(ctx: BackupContext, operation: Progress['operation'], database: string): ProgressReporter {
  let current: Progress = { operation, environment: ctx.environment, database, phase: 'start', bytes: 0, tables: 0 };
  return (change) => {
    current = { ...current, ...change };
    ctx.onProgress?.(current);
  };
}
