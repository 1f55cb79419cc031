import type { JobRunRecord, JobStateRepository } from './job-state-repository.js';

/** A `JobStateRepository` held in memory, for tests and for runs without a store. */
export class MemoryJobStateRepository implements JobStateRepository {
  readonly records = new Map<string, number>();
  /** Number of `saveMany` calls, so tests can check that writes are batched. */
  saveCalls = 0;

  async loadAll(): Promise<Map<string, number>> {
    return new Map(this.records);
  }

  async saveMany(records: readonly JobRunRecord[]): Promise<void> {
    this.saveCalls++;
    for (const r of records) this.records.set(r.jobId, r.lastRunMs);
  }
}
