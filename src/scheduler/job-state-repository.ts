/** When a job last ran at its scheduled slot, epoch ms. */
export interface JobRunRecord {
  jobId: string;
  lastRunMs: number;
}

/**
 * Where the scheduler keeps last run times so a restart resumes each job's cadence.
 * The scheduler writes in batches, so `saveMany` receives many records at once.
 */
export interface JobStateRepository {
  /** Every recorded job, by id. */
  loadAll(): Promise<Map<string, number>>;
  /** Inserts or replaces the given records. */
  saveMany(records: readonly JobRunRecord[]): Promise<void>;
}
