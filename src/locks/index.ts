export type { AcquireResult, LockState, NamedLocks } from './named-locks.js';
export { createStoreLocks, type StoreLocksOptions } from './store-locks.js';
export { holdLock, type HeldLock, type HoldLockOptions } from './hold-lock.js';
export { lockHolder, holderMayBeAlive, processExists } from './lock-holder.js';
