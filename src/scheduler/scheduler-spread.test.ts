import { describe, expect, it } from 'vitest';
import { jitterOffset } from './internal/jitter-offset.js';
import { schedulerKit, sleepingJob } from './internal/scheduler-test-kit.js';
import { MemoryJobStateRepository } from './memory-job-state-repository.js';

const PERIOD = 10_000;

describe('Scheduler phase spreading', () => {
  it('runs first within the jitter, then on a phase spread over the whole period', async () => {
    const { clock, scheduler, starts, t0 } = schedulerKit({ concurrency: 1_000 });
    for (let i = 0; i < 500; i++) scheduler.add(sleepingJob(clock, `p${i}`, PERIOD, () => 0, { jitterMs: 1_000, spreadPhase: true }));
    await scheduler.start();
    await clock.advance(PERIOD * 5);
    const byJob = new Map<string, number[]>();
    for (const s of starts) byJob.set(s.jobId, [...(byJob.get(s.jobId) ?? []), s.scheduledAt]);
    expect(byJob.size).toBe(500);
    for (const [id, runs] of byJob) {
      const [first, second, ...rest] = runs;
      expect((first as number) - t0).toBe(jitterOffset(id, 1_000));
      const gap = (second as number) - (first as number);
      expect(gap).toBeGreaterThanOrEqual(PERIOD / 2);
      expect(gap).toBeLessThan(PERIOD * 1.5);
      expect((second as number) % PERIOD).toBe(jitterOffset(id, PERIOD));
      rest.forEach((at, k) => expect(at).toBe((second as number) + (k + 1) * PERIOD));
    }
    // Settled runs cover every tenth of the period, where first runs covered one.
    const settled = starts.filter((s) => s.scheduledAt >= t0 + 2 * PERIOD);
    expect(new Set(settled.map((s) => Math.floor((s.scheduledAt % PERIOD) / 1_000))).size).toBe(10);
    await scheduler.stop();
  });

  it('keeps the phase across a restart', async () => {
    const repository = new MemoryJobStateRepository();
    const first = schedulerKit({ repository });
    first.scheduler.add(sleepingJob(first.clock, 'api', PERIOD, () => 0, { jitterMs: 1_000, spreadPhase: true }));
    await first.scheduler.start();
    await first.clock.advance(PERIOD * 3);
    await first.scheduler.stop();
    const second = schedulerKit({ repository });
    await second.clock.set(first.clock.now() + 2_000);
    second.scheduler.add(sleepingJob(second.clock, 'api', PERIOD, () => 0, { jitterMs: 1_000, spreadPhase: true }));
    await second.scheduler.start();
    await second.clock.advance(PERIOD * 2);
    expect(second.starts.map((s) => s.scheduledAt % PERIOD)).toEqual([jitterOffset('api', PERIOD), jitterOffset('api', PERIOD)]);
    await second.scheduler.stop();
  });

  it('leaves jobs without spreadPhase on anchor + k·every', async () => {
    const { clock, scheduler, starts, t0 } = schedulerKit();
    scheduler.add(sleepingJob(clock, 'flush', 5_000, () => 0, { jitterMs: 1_000 }));
    await scheduler.start();
    await clock.advance(20_000);
    const offset = jitterOffset('flush', 1_000);
    expect(starts.map((s) => s.scheduledAt - t0)).toEqual([0, 1, 2, 3].map((k) => offset + k * 5_000));
    await scheduler.stop();
  });
});
