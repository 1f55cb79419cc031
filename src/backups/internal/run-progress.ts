import type { Clock } from '../../clock/index.js';
import type { BackupRecords } from '../backup-records.js';
import type { Progress } from '../backup-service.js';

/** How often progress is written to the store, where `running()` of other processes reads it. */
const STORE_EVERY_MS = 1_000;

/**
 * Reports a run's progress to its caller at once and to the store at most once a second (and
 * at each change of phase), so a dump of thousands of tables does not turn into thousands of writes.
 */
export class RunProgress {
  private current: Progress;
  private storedAt = Number.NEGATIVE_INFINITY;
  private storedPhase = '';

  constructor(
    private readonly runId: string,
    base: Pick<Progress, 'operation' | 'environment' | 'database'>,
    private readonly deps: { clock: Clock; records: BackupRecords; onProgress?: (progress: Progress) => void },
  ) {
    this.current = { ...base, phase: 'start', bytes: 0, tables: 0 };
  }

  get value(): Progress {
    return this.current;
  }

  /** Merges `change` into the progress and reports it. */
  update(change: Partial<Omit<Progress, 'operation' | 'environment' | 'database'>>): void {
    this.current = { ...this.current, ...change };
    this.deps.onProgress?.(this.current);
    const now = this.deps.clock.now();
    if (this.current.phase === this.storedPhase && now - this.storedAt < STORE_EVERY_MS) return;
    this.storedAt = now;
    this.storedPhase = this.current.phase;
    // Progress in the store is advisory: a busy store must not fail the backup.
    void this.deps.records.progress(this.runId, this.current).catch(() => undefined);
  }
}
