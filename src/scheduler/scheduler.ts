import type { CancelTimer, Clock } from '../clock/index.js';
import { InvalidRequestError, NotFoundError } from '../errors.js';
import type { EventBus, GuardiaEvents } from '../events/index.js';
import { jitterOffset } from './internal/jitter-offset.js';
import { JobStateBatcher } from './internal/job-state-batcher.js';
import { MinHeap } from './internal/min-heap.js';
import { followingSlot } from './internal/phase-slot.js';
import type { ActiveRun, JobEntry, ReadyItem, TimerItem } from './internal/scheduler-types.js';
import { readyItemBefore, timerItemBefore } from './internal/scheduler-types.js';
import type { Job } from './job.js';
import type { JobStateRepository } from './job-state-repository.js';
import { MemoryJobStateRepository } from './memory-job-state-repository.js';

export interface SchedulerOptions {
  clock: Clock;
  events: EventBus<GuardiaEvents>;
  /** Where last run times are kept across restarts (default: in memory only). */
  repository?: JobStateRepository;
  /** Most runs holding a slot at once (default 64). */
  concurrency?: number;
  /** How long `stop()` waits for aborted runs to settle (default 10 s). */
  stopTimeoutMs?: number;
  /** How often recorded run times are written to the repository (default 5 s). */
  persistIntervalMs?: number;
  /** Called when writing run times fails; they are retried with the next batch. */
  onPersistError?: (error: unknown) => void;
}

/**
 * Runs periodic jobs without drift (slots at anchor + k·every), with deterministic jitter
 * of first runs, a global concurrency cap, no overlap per job and a hard deadline per
 * run. All slots and deadlines live in one min-heap served by a single clock timer.
 */
export class Scheduler {
  private readonly clock: Clock;
  private readonly events: EventBus<GuardiaEvents>;
  private readonly repository: JobStateRepository;
  private readonly concurrency: number;
  private readonly stopTimeoutMs: number;
  private readonly batcher: JobStateBatcher;
  private readonly entries = new Map<string, JobEntry>();
  private readonly timers = new MinHeap<TimerItem>(timerItemBefore);
  private readonly ready = new MinHeap<ReadyItem>(readyItemBefore);
  private readonly runs = new Set<ActiveRun>();
  private lastRuns = new Map<string, number>();
  private seq = 0;
  private active = 0;
  private started = false;
  private armedAt: number | undefined;
  private cancelTimer: CancelTimer | undefined;

  constructor(options: SchedulerOptions) {
    this.clock = options.clock;
    this.events = options.events;
    this.repository = options.repository ?? new MemoryJobStateRepository();
    this.concurrency = Math.max(1, options.concurrency ?? 64);
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    const persistEvery = options.persistIntervalMs ?? 5_000;
    this.batcher = new JobStateBatcher(this.clock, this.repository, persistEvery, options.onPersistError ?? (() => {}));
  }

  /** Number of runs currently holding a concurrency slot. */
  get activeCount(): number {
    return this.active;
  }

  /** Ids of the jobs known to the scheduler. */
  jobIds(): string[] {
    return [...this.entries.keys()];
  }

  /** Adds a job; when the scheduler is started its first slot is planned at once. */
  add(job: Job): void {
    if (this.entries.has(job.id)) throw new InvalidRequestError(`job "${job.id}" is already scheduled; remove it first`);
    if (!(job.everyMs > 0)) throw new InvalidRequestError(`job "${job.id}" needs a positive period`);
    const entry: JobEntry = { job, nextAt: 0, run: undefined, queued: undefined, removed: false };
    this.entries.set(job.id, entry);
    if (this.started) {
      this.plan(entry, this.clock.now());
      this.arm();
    }
  }

  /** Removes a job and aborts its run in progress. Returns false when it was unknown. */
  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    entry.removed = true;
    entry.queued = undefined;
    entry.run?.controller.abort(new DOMException(`job "${id}" was removed`, 'AbortError'));
    return true;
  }

  /**
   * Runs a job now, outside its cadence and the concurrency cap (it still takes a slot).
   * If the job is already running, returns that run instead of starting another one.
   */
  runNow(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) throw new NotFoundError(`no scheduled job "${id}"`);
    if (entry.run) return entry.run.done;
    entry.queued = undefined;
    const now = this.clock.now();
    const run = this.startRun(entry, now, false);
    this.arm();
    return run.done;
  }

  /** Loads last run times and plans every job: at `last + every` when still ahead, else within its jitter. */
  async start(): Promise<void> {
    if (this.started) return;
    this.lastRuns = await this.repository.loadAll();
    this.started = true;
    this.timers.clear();
    const now = this.clock.now();
    for (const entry of this.entries.values()) this.plan(entry, now);
    this.arm();
  }

  /** Stops the timer, aborts running jobs, waits for them (bounded) and writes run times. */
  async stop(): Promise<void> {
    this.started = false;
    this.disarm();
    this.timers.clear();
    this.ready.clear();
    const pending = [...this.runs];
    for (const entry of this.entries.values()) entry.queued = undefined;
    for (const run of pending) run.controller.abort(new DOMException('scheduler stopped', 'AbortError'));
    if (pending.length > 0) {
      const bound = new AbortController();
      await Promise.race([Promise.all(pending.map((r) => r.done)), this.clock.sleep(this.stopTimeoutMs, bound.signal).catch(() => {})]);
      bound.abort();
    }
    await this.batcher.flush();
  }

  private plan(entry: JobEntry, now: number): void {
    const { id, everyMs, jitterMs } = entry.job;
    const last = this.lastRuns.get(id);
    entry.nextAt = last !== undefined && last + everyMs > now ? last + everyMs : now + jitterOffset(id, jitterMs);
    this.timers.push({ at: entry.nextAt, seq: this.seq++, kind: 'due', entry });
  }

  private onTimer(): void {
    this.armedAt = undefined;
    this.cancelTimer = undefined;
    const now = this.clock.now();
    for (let top = this.timers.peek(); top && top.at <= now; top = this.timers.peek()) {
      this.timers.pop();
      if (top.kind === 'due') this.onDue(top.entry, top.at, now);
      else if (top.run) this.onDeadline(top.run);
    }
    this.dispatch();
    this.arm();
  }

  private onDue(entry: JobEntry, at: number, now: number): void {
    if (entry.removed || at !== entry.nextAt) return;
    entry.nextAt = followingSlot(entry.job, at, now);
    this.timers.push({ at: entry.nextAt, seq: this.seq++, kind: 'due', entry });
    if (entry.run || entry.queued) {
      this.events.emit('job:overlap', { jobId: entry.job.id, scheduledAt: at });
      return;
    }
    entry.queued = { scheduledAt: at, seq: this.seq++, entry };
    this.ready.push(entry.queued);
  }

  private onDeadline(run: ActiveRun): void {
    if (!run.holdsSlot) return;
    run.controller.abort(new DOMException(`job "${run.entry.job.id}" exceeded its deadline`, 'TimeoutError'));
    this.releaseSlot(run);
    this.events.emit('job:timeout', { jobId: run.entry.job.id, startedAt: run.startedAt });
  }

  /** Starts queued slots, oldest due first, while slots are free. */
  private dispatch(): void {
    while (this.active < this.concurrency && this.started) {
      const item = this.ready.pop();
      if (!item) return;
      const { entry } = item;
      if (entry.queued !== item || entry.removed) continue;
      entry.queued = undefined;
      this.startRun(entry, item.scheduledAt, true);
    }
  }

  private startRun(entry: JobEntry, scheduledAt: number, onCadence: boolean): ActiveRun {
    const { job } = entry;
    const startedAt = this.clock.now();
    const run: ActiveRun = { entry, controller: new AbortController(), scheduledAt, startedAt, holdsSlot: true, done: Promise.resolve() };
    entry.run = run;
    this.runs.add(run);
    this.active++;
    // Only cadence runs are persisted: a manual run must not shift the phase after a restart.
    if (onCadence) {
      this.lastRuns.set(job.id, scheduledAt);
      this.batcher.record(job.id, scheduledAt);
    }
    run.deadline = { at: startedAt + job.deadlineMs, seq: this.seq++, kind: 'deadline', run };
    this.timers.push(run.deadline);
    this.events.emit('job:start', { jobId: job.id, scheduledAt, startedAt, lagMs: startedAt - scheduledAt });
    run.done = invoke(job, run.controller.signal).then(
      () => this.finishRun(run, undefined),
      (error: unknown) => this.finishRun(run, error ?? new Error('job failed')),
    );
    return run;
  }

  private finishRun(run: ActiveRun, error: unknown): void {
    this.releaseSlot(run);
    if (run.deadline) run.deadline.run = undefined;
    this.runs.delete(run);
    if (run.entry.run === run) run.entry.run = undefined;
    const finishedAt = this.clock.now();
    const payload = { jobId: run.entry.job.id, startedAt: run.startedAt, finishedAt };
    this.events.emit('job:finish', error === undefined ? payload : { ...payload, error });
    this.dispatch();
    this.arm();
  }

  private releaseSlot(run: ActiveRun): void {
    if (!run.holdsSlot) return;
    run.holdsSlot = false;
    this.active--;
  }

  /** Points the single clock timer at the earliest live heap item. */
  private arm(): void {
    let top = this.timers.peek();
    while (top && isStale(top)) {
      this.timers.pop();
      top = this.timers.peek();
    }
    if (!top) return this.disarm();
    if (this.armedAt === top.at) return;
    this.disarm();
    this.armedAt = top.at;
    this.cancelTimer = this.clock.setTimer(top.at - this.clock.now(), () => this.onTimer());
  }

  private disarm(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.armedAt = undefined;
  }
}

function isStale(item: TimerItem): boolean {
  if (item.kind === 'deadline') return !item.run?.holdsSlot;
  return item.entry.removed || item.at !== item.entry.nextAt;
}

/** Calls `job.run`, turning a synchronous throw into a rejection. */
function invoke(job: Job, signal: AbortSignal): Promise<void> {
  try {
    return Promise.resolve(job.run(signal));
  } catch (error) {
    return Promise.reject(error);
  }
}
