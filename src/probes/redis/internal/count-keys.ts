import type { Clock } from '../../../clock/index.js';
import type { RedisClient } from '../redis-client.js';

/** Keys the server examines per SCAN call: large enough to be quick, small enough never to block it. */
export const SCAN_COUNT = 1_000;

/** How a count ended: the whole keyspace was scanned, or it stopped at `max_keys` or at the time budget. */
export type CountEnd = 'complete' | 'max_keys' | 'time';

/** Keys counted for one pattern, and why counting ended. */
export interface KeyCount {
  count: number;
  end: CountEnd;
}

/** What bounds one count. */
export interface CountLimits {
  maxKeys: number;
  /** Epoch ms (on `clock`) after which no further SCAN call is made. */
  deadline: number;
  clock: Clock;
  signal: AbortSignal;
}

/**
 * Counts keys matching `pattern` with SCAN … MATCH … COUNT (never KEYS, which blocks the
 * server). SCAN may return a key twice while the keyspace is rehashed, so on a busy
 * server the count is approximate, which is enough for "more than 5 orphaned locks".
 */
export async function countKeys(client: RedisClient, pattern: string, limits: CountLimits): Promise<KeyCount> {
  let cursor = '0';
  let count = 0;
  do {
    if (count >= limits.maxKeys) return { count, end: 'max_keys' };
    if (limits.clock.now() >= limits.deadline) return { count, end: 'time' };
    const reply = await client.command(['SCAN', cursor, 'MATCH', pattern, 'COUNT', String(SCAN_COUNT)], limits.signal);
    const [next, keys] = reply as [string, unknown[]];
    cursor = String(next);
    count += keys.length;
  } while (cursor !== '0');
  return { count, end: 'complete' };
}
