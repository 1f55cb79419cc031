import type { CancelTimer, Clock } from '../../clock/index.js';
import type { JobStateRepository } from '../job-state-repository.js';

/**
 * Collects last-run times and writes them in one batch per interval, so 10,000 jobs
 * cost one transaction every few seconds instead of one write per run.
 */
export class JobStateBatcher {
  private dirty = new Map<string, number>();
  private cancelTimer: CancelTimer | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly repository: JobStateRepository,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  record(jobId: string, lastRunMs: number): void {
    this.dirty.set(jobId, lastRunMs);
    this.cancelTimer ??= this.clock.setTimer(this.intervalMs, () => {
      this.cancelTimer = undefined;
      void this.flush();
    });
  }

  /** Writes everything recorded so far; resolves when the write is done. */
  flush(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (this.dirty.size === 0) return this.writing;
    const batch = this.dirty;
    this.dirty = new Map();
    const records = [...batch].map(([jobId, lastRunMs]) => ({ jobId, lastRunMs }));
    // Writes are chained so an older batch never lands after a newer one.
    this.writing = this.writing.then(() =>
      this.repository.saveMany(records).catch((error: unknown) => {
        for (const [id, t] of batch) if (!this.dirty.has(id)) this.dirty.set(id, t);
        this.onError(error);
      }),
    );
    return this.writing;
  }
}
