import { describe, expect, it } from 'vitest';
import { schedulerKit, sleepingJob } from './internal/scheduler-test-kit.js';
import { jitterOffset } from './internal/jitter-offset.js';

describe('Scheduler cadence', () => {
  it('keeps runs on anchor + k·every over 1,000 periods whatever each run takes', async () => {
    const { clock, scheduler, starts, t0 } = schedulerKit();
    const durations = [0, 1, 250, 999, 10, 730];
    scheduler.add(sleepingJob(clock, 'a', 1_000, (n) => durations[n % durations.length] ?? 0));
    await scheduler.start();
    await clock.advance(1_000 * 1_000);
    expect(starts).toHaveLength(1_001);
    starts.forEach((s, k) => {
      expect(s.scheduledAt).toBe(t0 + k * 1_000);
      expect(s.lagMs).toBe(0);
    });
    await scheduler.stop();
  });

  it('spreads first runs within the jitter, deterministically from the id', async () => {
    const { clock, scheduler, starts, t0 } = schedulerKit();
    for (let i = 0; i < 200; i++) scheduler.add({ ...sleepingJob(clock, `job-${i}`, 60_000, () => 0), jitterMs: 10_000 });
    await scheduler.start();
    await clock.advance(10_000);
    expect(starts).toHaveLength(200);
    const offsets = starts.map((s) => s.scheduledAt - t0);
    for (const s of starts) expect(s.scheduledAt - t0).toBe(jitterOffset(s.jobId, 10_000));
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(10_000);
    // A fair spread: every tenth of the window gets some first runs.
    const buckets = new Set(offsets.map((o) => Math.floor(o / 1_000)));
    expect(buckets.size).toBe(10);
    await scheduler.stop();
  });

  it('serves 10,000 jobs from a single clock timer', async () => {
    const { clock, scheduler, starts } = schedulerKit({ concurrency: 10_000 });
    for (let i = 0; i < 10_000; i++) scheduler.add({ ...sleepingJob(clock, `j${i}`, 1_000, () => 0), jitterMs: 100 });
    await scheduler.start();
    expect(clock.pending).toBe(1);
    await clock.advance(4_999);
    expect(starts).toHaveLength(50_000);
    expect(clock.pending).toBeLessThanOrEqual(2); // the slot timer, plus the batched state write
    await scheduler.stop();
  });
});

describe('Scheduler concurrency', () => {
  it('caps running jobs, queues the rest in due order and reports their lag', async () => {
    const { clock, scheduler, starts } = schedulerKit({ concurrency: 2 });
    for (const id of ['c', 'a', 'b', 'd']) scheduler.add(sleepingJob(clock, id, 60_000, () => 1_000));
    await scheduler.start();
    await clock.advance(0);
    expect(scheduler.activeCount).toBe(2);
    expect(starts.map((s) => s.jobId)).toEqual(['c', 'a']);
    await clock.advance(1_000);
    expect(starts.map((s) => s.jobId)).toEqual(['c', 'a', 'b', 'd']);
    expect(starts.slice(2).map((s) => s.lagMs)).toEqual([1_000, 1_000]);
    expect(scheduler.activeCount).toBe(2);
    await clock.advance(1_000);
    expect(scheduler.activeCount).toBe(0);
    await scheduler.stop();
  });

  it('starts queued runs oldest-due first', async () => {
    const { clock, scheduler, starts, t0 } = schedulerKit({ concurrency: 1 });
    scheduler.add(sleepingJob(clock, 'blocker', 100_000, () => 5_000));
    scheduler.add({ ...sleepingJob(clock, 'late', 100_000, () => 0), run: async () => {} });
    scheduler.add(sleepingJob(clock, 'early', 100_000, () => 0));
    await scheduler.start();
    await clock.advance(0);
    expect(starts.map((s) => s.jobId)).toEqual(['blocker']);
    await clock.advance(5_000);
    expect(starts.map((s) => s.jobId)).toEqual(['blocker', 'late', 'early']);
    expect(starts.every((s) => s.scheduledAt === t0)).toBe(true);
    await scheduler.stop();
  });
});

describe('Scheduler overlap and deadlines', () => {
  it('skips a slot while the previous run is still going and keeps the cadence', async () => {
    const { clock, scheduler, starts, overlaps, t0 } = schedulerKit();
    scheduler.add(sleepingJob(clock, 'slow', 1_000, (n) => (n === 0 ? 2_500 : 10)));
    await scheduler.start();
    await clock.advance(4_000);
    expect(overlaps.map((o) => o.scheduledAt - t0)).toEqual([1_000, 2_000]);
    expect(starts.map((s) => s.scheduledAt - t0)).toEqual([0, 3_000, 4_000]);
    await scheduler.stop();
  });

  it('releases the slot of a hung job at its deadline so others run on time', async () => {
    const { clock, scheduler, starts, timeouts, finishes, overlaps, t0 } = schedulerKit({ concurrency: 1 });
    let aborted = false;
    scheduler.add({
      id: 'hung',
      everyMs: 10_000,
      jitterMs: 0,
      deadlineMs: 2_000,
      run: (signal) => {
        signal.addEventListener('abort', () => (aborted = true));
        return new Promise(() => {}); // ignores its signal forever
      },
    });
    scheduler.add({ ...sleepingJob(clock, 'other', 1_000, () => 0), jitterMs: 500 });
    await scheduler.start();
    await clock.advance(2_000);
    expect(aborted).toBe(true);
    expect(timeouts).toEqual([{ jobId: 'hung', startedAt: t0 }]);
    const otherStarts = starts.filter((s) => s.jobId === 'other');
    expect(otherStarts[0]?.startedAt).toBe(t0 + 2_000); // waited only until the deadline
    await clock.advance(20_000);
    // The hung run never settled, so it still blocks its own slots, but nobody else's.
    expect(overlaps.filter((o) => o.jobId === 'hung').length).toBe(2);
    expect(starts.filter((s) => s.jobId === 'other').every((s, i) => i === 0 || s.lagMs === 0)).toBe(true);
    expect(finishes.some((f) => f.jobId === 'hung')).toBe(false);
    const stopping = scheduler.stop();
    await clock.advance(10_000); // stop() waits a bounded time for the deaf run
    await stopping;
  });

  it('reports a failing run in job:finish and keeps scheduling it', async () => {
    const { clock, scheduler, finishes } = schedulerKit();
    scheduler.add({ ...sleepingJob(clock, 'bad', 1_000, () => 0), run: () => Promise.reject(new Error('boom')) });
    await scheduler.start();
    await clock.advance(2_000);
    expect(finishes).toHaveLength(3);
    expect((finishes[0]?.error as Error).message).toBe('boom');
    await scheduler.stop();
  });
});

describe('Scheduler control', () => {
  it('runNow runs at once, outside the cadence, and joins a run in progress', async () => {
    const { clock, scheduler, starts, t0 } = schedulerKit();
    const job = sleepingJob(clock, 'j', 10_000, () => 1_000);
    scheduler.add(job);
    await scheduler.start();
    await clock.advance(3_000);
    const first = scheduler.runNow('j');
    expect(scheduler.runNow('j')).toBe(first);
    await clock.advance(1_000);
    await first;
    expect(job.calls).toBe(2);
    expect(starts.map((s) => s.startedAt - t0)).toEqual([0, 3_000]);
    await clock.advance(6_000);
    expect(starts.map((s) => s.scheduledAt - t0)).toEqual([0, 3_000, 10_000]);
    expect(() => scheduler.runNow('nope')).toThrow(/no scheduled job "nope"/);
    await scheduler.stop();
  });

  it('remove aborts the run and plans no more slots', async () => {
    const { clock, scheduler, starts } = schedulerKit();
    let signal: AbortSignal | undefined;
    scheduler.add({ ...sleepingJob(clock, 'r', 1_000, () => 500), run: (s) => ((signal = s), clock.sleep(500, s)) });
    await scheduler.start();
    await clock.advance(200);
    expect(scheduler.remove('r')).toBe(true);
    expect(signal?.aborted).toBe(true);
    await clock.advance(5_000);
    expect(starts).toHaveLength(1);
    expect(scheduler.remove('r')).toBe(false);
    expect(clock.pending).toBe(0);
    await scheduler.stop();
  });

  it('rejects a duplicate id', () => {
    const { clock, scheduler } = schedulerKit();
    scheduler.add(sleepingJob(clock, 'x', 1_000, () => 0));
    expect(() => scheduler.add(sleepingJob(clock, 'x', 1_000, () => 0))).toThrow(/already scheduled/);
  });

  it('stop aborts running jobs, waits a bounded time and leaves no timers', async () => {
    const { clock, scheduler } = schedulerKit({ stopTimeoutMs: 3_000 });
    let aborted = 0;
    scheduler.add({ ...sleepingJob(clock, 'polite', 1_000, () => 0), deadlineMs: 60_000, run: (s) => clock.sleep(50_000, s).catch(() => void aborted++) });
    scheduler.add({ id: 'deaf', everyMs: 1_000, jitterMs: 0, deadlineMs: 60_000, run: () => new Promise(() => {}) });
    await scheduler.start();
    await clock.advance(10);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await clock.advance(2_999);
    expect(aborted).toBe(1);
    expect(stopped).toBe(false); // still waiting for the deaf job
    await clock.advance(1);
    await stopping;
    expect(clock.pending).toBe(0);
  });
});
