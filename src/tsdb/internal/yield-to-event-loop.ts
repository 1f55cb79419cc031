import { setImmediate } from 'node:timers/promises';

/**
 * Lets timers and I/O run before the next statement. A flush of thousands of chunk rows
 * through a synchronous driver (better-sqlite3) would otherwise hold the event loop for
 * hundreds of milliseconds and make every probe due meanwhile start late.
 */
export function yieldToEventLoop(): Promise<void> {
  return setImmediate();
}
