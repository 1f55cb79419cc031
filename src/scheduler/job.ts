/**
 * A periodic unit of work run by the `Scheduler`. Runs happen at
 * `anchor + k·everyMs`; the first anchor is spread within `jitterMs`.
 */
export interface Job {
  /** Unique among the scheduler's jobs; also the key of its persisted last run. */
  readonly id: string;
  readonly everyMs: number;
  /** The first run is delayed by a deterministic offset in `[0, jitterMs)` derived from `id`. */
  readonly jitterMs: number;
  /** Hard limit of one run: the signal is aborted and the concurrency slot released at this point. */
  readonly deadlineMs: number;
  /** Does the work. Should honour `signal`; a run that ignores it keeps blocking only its own next slots. */
  run(signal: AbortSignal): Promise<void>;
}
