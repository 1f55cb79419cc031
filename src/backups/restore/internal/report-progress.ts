import type { BackupContext } from '../../backup-context.js';
import type { Progress } from '../../backup-service.js';

/** Reports progress of one operation on one database to `ctx.onProgress`, merging each change into the last. */
export function progressReporter(ctx: BackupContext, operation: Progress['operation'], database: string): (change: Partial<Progress>) => void {
  let current: Progress = { operation, environment: ctx.environment, database, phase: 'start', bytes: 0, tables: 0 };
  return (change) => {
    current = { ...current, ...change };
    ctx.onProgress?.(current);
  };
}
