/** Who holds a lock, since when, and until when unless renewed (epoch ms). */
export interface LockState {
  holder: string;
  acquiredAt: number;
  expiresAt: number;
}

/** The outcome of `tryAcquire`: the lock is ours, or `current` still holds it. */
export type AcquireResult = { acquired: true } | { acquired: false; current: LockState };

/**
 * Named leases shared by every process on one store: a backup of `production/app`, a release of
 * `production`. A lease expires unless renewed, and a holder on this host whose process is gone
 * is stale; both are taken over, so a crash never leaves a lock behind for good.
 */
export interface NamedLocks {
  /** Takes `name` for `holder` for `ttlMs`, unless a live holder other than `holder` has it. */
  tryAcquire(name: string, holder: string, ttlMs: number): Promise<AcquireResult>;
  /** Extends the lease; false when `holder` no longer holds `name` (it expired and was taken). */
  renew(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Releases `name` if `holder` holds it; otherwise does nothing. */
  release(name: string, holder: string): Promise<void>;
  /** The current holder, or undefined when free (an expired lease counts as free). */
  holderOf(name: string): Promise<LockState | undefined>;
}
