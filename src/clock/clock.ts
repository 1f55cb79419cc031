/** Cancels a timer created by a Clock. */
export type CancelTimer = () => void;

/**
 * The source of time for every domain. Production uses `systemClock`; tests use
 * `FakeClock` and advance it, so nothing waits on the wall clock.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fn` once after `ms` milliseconds. */
  setTimer(ms: number, fn: () => void): CancelTimer;
  /** Resolves after `ms` milliseconds (rejects with the signal's reason when aborted). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
