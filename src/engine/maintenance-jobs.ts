import type { Logger } from '../logging/index.js';
import type { Job } from '../scheduler/index.js';
import type { Guardia } from './open-guardia.js';

/** How often buffered samples are written: the most a crash can lose. */
const FLUSH_EVERY_MS = 5_000;
const MAINTAIN_EVERY_MS = 60_000;
/** How long a scheduled probe's result may wait before `guardia status` (another process) sees it. */
const STATE_FLUSH_EVERY_MS = 1_000;

/** The store's upkeep, run by the same scheduler as the probes. */
export function maintenanceJobs(guardia: Guardia, log: Logger): Job[] {
  const guarded = (what: string, work: () => Promise<void>) => async () => {
    try {
      await work();
    } catch (error) {
      log.error({ err: error }, `${what} failed`);
    }
  };
  return [
    {
      id: 'guardia:probe-state-flush',
      everyMs: STATE_FLUSH_EVERY_MS,
      jitterMs: 0,
      deadlineMs: 60_000,
      run: guarded('writing probe states', () => guardia.runner.flushStates()),
    },
    {
      id: 'guardia:tsdb-flush',
      everyMs: FLUSH_EVERY_MS,
      jitterMs: 0,
      deadlineMs: 60_000,
      run: guarded('writing samples', () => guardia.tsdb.flush()),
    },
    {
      id: 'guardia:tsdb-maintain',
      everyMs: MAINTAIN_EVERY_MS,
      jitterMs: 5_000,
      deadlineMs: 300_000,
      run: guarded('rollups and retention', () => guardia.tsdb.maintain(guardia.clock.now())),
    },
    {
      id: 'guardia:session-purge',
      everyMs: MAINTAIN_EVERY_MS,
      jitterMs: 5_000,
      deadlineMs: 60_000,
      run: guarded('purging expired sessions', async () => void (await guardia.sessions.purgeExpired())),
    },
  ];
}
