import type { Store } from '../store/store.js';
import type { JobRunRecord, JobStateRepository } from './job-state-repository.js';

/** Rows per INSERT, well below SQLite's bound-parameter limit. */
const CHUNK = 400;

/** A `JobStateRepository` over the `job_state` table of the state store. */
export class StoreJobStateRepository implements JobStateRepository {
  constructor(private readonly store: Store) {}

  async loadAll(): Promise<Map<string, number>> {
    const rows = await this.store.db.selectFrom('job_state').select(['job_id', 'last_run_ms']).execute();
    return new Map(rows.map((r) => [r.job_id, Number(r.last_run_ms)]));
  }

  async saveMany(records: readonly JobRunRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < records.length; i += CHUNK) {
        const rows = records.slice(i, i + CHUNK).map((r) => ({ job_id: r.jobId, last_run_ms: r.lastRunMs }));
        await trx
          .insertInto('job_state')
          .values(rows)
          .onConflict((oc) => oc.column('job_id').doUpdateSet((eb) => ({ last_run_ms: eb.ref('excluded.last_run_ms') })))
          .execute();
      }
    });
  }
}
