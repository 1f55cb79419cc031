import type { Job } from '../job.js';

/** One run in progress. */
export interface ActiveRun {
  readonly entry: JobEntry;
  readonly controller: AbortController;
  readonly scheduledAt: number;
  readonly startedAt: number;
  /** True while the run occupies a concurrency slot (until it settles or hits its deadline). */
  holdsSlot: boolean;
  /** Resolves when `job.run` settles, whatever the outcome. */
  done: Promise<void>;
  /** Its deadline in the timer heap, emptied when the run settles. */
  deadline?: DeadlineItem;
}

/** A job known to the scheduler. */
export interface JobEntry {
  readonly job: Job;
  /** The next slot on the job's cadence; the heap holds exactly one live item with this time. */
  nextAt: number;
  run: ActiveRun | undefined;
  /** The ready-queue item waiting for a concurrency slot, if any. */
  queued: ReadyItem | undefined;
  removed: boolean;
}

/**
 * A run's deadline. It stays in the heap until its time comes (a heap has no cheap
 * removal), so a settled run lets go of it: otherwise every finished run, with its abort
 * signal and what listens to it, would live on for the whole deadline.
 */
export interface DeadlineItem {
  at: number;
  seq: number;
  kind: 'deadline';
  run: ActiveRun | undefined;
}

/** Something the single timer wakes up for: a job's slot or a run's deadline. */
export type TimerItem = { at: number; seq: number; kind: 'due'; entry: JobEntry } | DeadlineItem;

/** A due slot waiting for a concurrency slot, ordered by due time. */
export interface ReadyItem {
  scheduledAt: number;
  seq: number;
  entry: JobEntry;
}

export function timerItemBefore(a: TimerItem, b: TimerItem): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export function readyItemBefore(a: ReadyItem, b: ReadyItem): boolean {
  return a.scheduledAt < b.scheduledAt || (a.scheduledAt === b.scheduledAt && a.seq < b.seq);
}

/** The first slot `at + k·every` (k ≥ 1) that is not in the past: skipped slots keep the phase. */
export function nextSlot(at: number, everyMs: number, now: number): number {
  const k = Math.max(1, Math.ceil((now - at) / everyMs));
  return at + k * everyMs;
}
