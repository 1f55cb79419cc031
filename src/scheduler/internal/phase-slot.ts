import { jitterOffset } from './jitter-offset.js';
import { nextSlot } from './scheduler-types.js';

/**
 * The slot after a run due at `at`. For most jobs that is `at + k·every`. A job that
 * spreads its phase runs, once settled, at `phase + k·every` of epoch time, `phase` derived
 * from its id over the whole period — so a thousand probes of one period start evenly
 * through it rather than all within the first run's jitter window, every period. A job
 * not on its phase yet (its first run, within the jitter, soon after start) moves there
 * with one interval of half to one and a half periods.
 */
export function followingSlot(job: { id: string; everyMs: number; spreadPhase?: boolean }, at: number, now: number): number {
  const { everyMs } = job;
  if (!job.spreadPhase) return nextSlot(at, everyMs, now);
  const phase = jitterOffset(job.id, everyMs);
  if (modulo(at - phase, everyMs) === 0) return nextSlot(at, everyMs, now);
  const earliest = Math.max(at + Math.ceil(everyMs / 2), now);
  return earliest + modulo(phase - earliest, everyMs);
}

function modulo(a: number, m: number): number {
  return ((a % m) + m) % m;
}
