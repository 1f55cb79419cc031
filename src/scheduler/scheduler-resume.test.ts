import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../store/index.js';
import { jitterOffset } from './internal/jitter-offset.js';
import { schedulerKit, sleepingJob } from './internal/scheduler-test-kit.js';
import { MemoryJobStateRepository } from './memory-job-state-repository.js';
import { StoreJobStateRepository } from './store-job-state-repository.js';

describe('Scheduler restart', () => {
  it('resumes the cadence at last run + every when that is still ahead', async () => {
    const repository = new MemoryJobStateRepository();
    const first = schedulerKit({ repository });
    first.scheduler.add(sleepingJob(first.clock, 'nightly', 60_000, () => 0));
    await first.scheduler.start();
    await first.clock.advance(60_000 * 3 + 5_000); // runs at 0, 60 s, 120 s, 180 s
    await first.scheduler.stop();
    expect(repository.records.get('nightly')).toBe(first.t0 + 180_000);

    const second = schedulerKit({ repository });
    await second.clock.set(first.t0 + 200_000);
    second.scheduler.add(sleepingJob(second.clock, 'nightly', 60_000, () => 0));
    await second.scheduler.start();
    await second.clock.advance(60_000);
    expect(second.starts.map((s) => s.scheduledAt - first.t0)).toEqual([240_000]);
    await second.scheduler.stop();
  });

  it('runs soon, within its jitter, when the next slot passed while stopped', async () => {
    const repository = new MemoryJobStateRepository();
    const kit = schedulerKit({ repository });
    await repository.saveMany([{ jobId: 'j', lastRunMs: kit.t0 - 3_600_000 }]);
    kit.scheduler.add({ ...sleepingJob(kit.clock, 'j', 60_000, () => 0), jitterMs: 5_000 });
    await kit.scheduler.start();
    await kit.clock.advance(5_000);
    expect(kit.starts.map((s) => s.scheduledAt - kit.t0)).toEqual([jitterOffset('j', 5_000)]);
    await kit.scheduler.stop();
  });

  it('writes run times in batches, not once per run', async () => {
    const repository = new MemoryJobStateRepository();
    const kit = schedulerKit({ repository, persistIntervalMs: 5_000 });
    for (let i = 0; i < 100; i++) kit.scheduler.add(sleepingJob(kit.clock, `j${i}`, 1_000, () => 0));
    await kit.scheduler.start();
    await kit.clock.advance(9_999);
    expect(kit.starts).toHaveLength(1_000);
    expect(repository.saveCalls).toBe(1);
    await kit.scheduler.stop();
    expect(repository.saveCalls).toBe(2);
    expect(repository.records.get('j7')).toBe(kit.t0 + 9_000);
  });

  it('resumes from the job_state table of a real store', async () => {
    const store = await openMemoryStore();
    try {
      const repository = new StoreJobStateRepository(store);
      const first = schedulerKit({ repository });
      for (let i = 0; i < 1_000; i++) first.scheduler.add(sleepingJob(first.clock, `probe/${i}`, 30_000, () => 0));
      await first.scheduler.start();
      await first.clock.advance(31_000);
      await first.scheduler.stop();
      const saved = await repository.loadAll();
      expect(saved.size).toBe(1_000);
      expect(saved.get('probe/5')).toBe(first.t0 + 30_000);

      const second = schedulerKit({ repository });
      await second.clock.set(first.t0 + 45_000);
      second.scheduler.add(sleepingJob(second.clock, 'probe/5', 30_000, () => 0));
      await second.scheduler.start();
      await second.clock.advance(15_000);
      expect(second.starts.map((s) => s.scheduledAt - first.t0)).toEqual([60_000]);
      await second.scheduler.stop();
    } finally {
      await store.close();
    }
  });
});
