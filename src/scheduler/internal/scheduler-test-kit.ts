import { FakeClock } from '../../clock/index.js';
import { EventBus } from '../../events/index.js';
import type { GuardiaEvents } from '../../events/index.js';
import type { Job } from '../job.js';
import { Scheduler } from '../scheduler.js';
import type { SchedulerOptions } from '../scheduler.js';

/** A scheduler on a fake clock that records every job event, for tests. */
export function schedulerKit(options: Partial<SchedulerOptions> = {}) {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const events = new EventBus<GuardiaEvents>();
  const starts: GuardiaEvents['job:start'][] = [];
  const overlaps: GuardiaEvents['job:overlap'][] = [];
  const timeouts: GuardiaEvents['job:timeout'][] = [];
  const finishes: GuardiaEvents['job:finish'][] = [];
  events.on('job:start', (e) => starts.push(e));
  events.on('job:overlap', (e) => overlaps.push(e));
  events.on('job:timeout', (e) => timeouts.push(e));
  events.on('job:finish', (e) => finishes.push(e));
  const scheduler = new Scheduler({ clock, events, ...options });
  return { clock, events, scheduler, starts, overlaps, timeouts, finishes, t0: clock.now() };
}

/** A job whose run takes `durationMs(n)` of fake time on its n-th call (0-based). */
export function sleepingJob(clock: FakeClock, id: string, everyMs: number, durationMs: (n: number) => number, extra: Partial<Job> = {}): Job & { calls: number } {
  const job = {
    id,
    everyMs,
    jitterMs: 0,
    deadlineMs: everyMs * 10,
    calls: 0,
    run(signal: AbortSignal) {
      const ms = durationMs(job.calls++);
      return ms <= 0 ? Promise.resolve() : clock.sleep(ms, signal);
    },
    ...extra,
  };
  return job;
}
