/**
 * A periodic unit of work run by the `Scheduler`. Runs happen at
 * `anchor + k·everyMs`; the first anchor is spread within `jitterMs`. With `spreadPhase`,
 * the anchor moves after the first run to a phase spread over the whole period.
 */
export interface Job {
  /** Unique among the scheduler's jobs; also the key of its persisted last run. */
  readonly id: string;
  readonly everyMs: number;
  /** The first run is delayed by a deterministic offset in `[0, jitterMs)` derived from `id`. */
  readonly jitterMs: number;
  /**
   * After its first run, run at `phase + k·everyMs` of epoch time, `phase` derived from `id`
   * in `[0, everyMs)`: many jobs of one period then start evenly through it instead of
   * bunching within their jitter every period (and keep that phase across restarts).
   */
  readonly spreadPhase?: boolean;
  /** Hard limit of one run: the signal is aborted and the concurrency slot released at this point. */
  readonly deadlineMs: number;
  /** Does the work. Should honour `signal`; a run that ignores it keeps blocking only its own next slots. */
  run(signal: AbortSignal): Promise<void>;
}
