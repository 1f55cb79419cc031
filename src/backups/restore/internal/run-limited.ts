/**
 * Runs `task` for every item, at most `limit` at once, in the given order. The first failure
 * aborts the signal handed to the others and is what this throws (not their AbortErrors).
 */
export async function runLimited<T>(items: readonly T[], limit: number, task: (item: T, signal: AbortSignal) => Promise<void>, outer?: AbortSignal): Promise<void> {
  const stop = new AbortController();
  const signal = outer ? AbortSignal.any([outer, stop.signal]) : stop.signal;
  const queue = [...items];
  async function worker(): Promise<void> {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      signal.throwIfAborted();
      await task(item, signal);
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
