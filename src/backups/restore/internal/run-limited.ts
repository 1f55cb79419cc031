/**
 * Runs `task` for every item, at most `limit` at once, in the given order. The first failure
 * aborts the signal handed to the others and is what this throws (not their AbortErrors).
 */
export async function runLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, signal: AbortSignal) => Promise<void>,
  outer?: AbortSignal,
  /** Called once the last item's task has started (at once for no items). */
  onAllStarted?: () => void,
): Promise<void> {
  const stop = new AbortController();
  const signal = outer ? AbortSignal.any([outer, stop.signal]) : stop.signal;
  const queue = [...items];
  if (queue.length === 0) onAllStarted?.();
  async function worker(): Promise<void> {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      signal.throwIfAborted();
      const running = task(item, signal);
      if (queue.length === 0) onAllStarted?.();
      await running;
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () =>
    worker().catch((error: unknown) => {
      if (!stop.signal.aborted) stop.abort(error);
      throw error;
    }),
  );
  const results = await Promise.allSettled(workers);
  if (results.some((r) => r.status === 'rejected')) throw stop.signal.reason;
}
