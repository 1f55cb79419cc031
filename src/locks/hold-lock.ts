import type { Clock } from '../clock/index.js';
import { LockedError } from '../errors.js';
import type { NamedLocks } from './named-locks.js';

/** A lock this process holds, renewed in the background until released. */
export interface HeldLock {
  readonly name: string;
  readonly holder: string;
  /** Stops renewing and frees the lock; safe to call twice. */
  release(): Promise<void>;
}

export interface HoldLockOptions {
  clock: Clock;
  /** Lease length; renewed every third of it (default 60 s). */
  ttlMs?: number;
  /** What is locked, for the error message (default: the lock's name). */
  what?: string;
}

/**
 * Acquires `name` for `holder` or throws `LockedError` naming the holder and since when; then
 * renews the lease on the clock so a long operation keeps it, while a crash lets it expire.
 */
export async function holdLock(locks: NamedLocks, name: string, holder: string, options: HoldLockOptions): Promise<HeldLock> {
  const ttlMs = options.ttlMs ?? 60_000;
  const result = await locks.tryAcquire(name, holder, ttlMs);
  if (!result.acquired) {
    const since = new Date(result.current.acquiredAt).toISOString();
    throw new LockedError(`${options.what ?? name} is locked by ${result.current.holder} since ${since}; wait for it to finish (or for its lease to expire if that process is gone)`);
  }
  let released = false;
  let cancel = schedule();
  function schedule() {
    return options.clock.setTimer(Math.max(1, Math.floor(ttlMs / 3)), () => {
      if (released) return;
      // A failed renewal is retried at the next tick; the lease outlives two missed renewals.
      void locks.renew(name, holder, ttlMs).catch(() => false).finally(() => {
        if (!released) cancel = schedule();
      });
    });
  }
  return {
    name,
    holder,
    async release() {
      if (released) return;
      released = true;
      cancel();
      await locks.release(name, holder);
    },
  };
}
