/** The `q` quantile (0..1) of ascending `sorted` values, nearest-rank; null when empty. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** p50/p95/p99 of `values` (any order). */
export function percentiles(values: readonly number[]): { p50: number | null; p95: number | null; p99: number | null } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
}

/** Points `[t, v]` grouped into `count` equal time buckets over `[from, to]`. */
export function bucketize(points: readonly (readonly [number, number])[], from: number, to: number, count: number): number[][] {
  const buckets: number[][] = Array.from({ length: count }, () => []);
  const width = Math.max(1, (to - from) / count);
  for (const [t, v] of points) {
    const i = Math.min(count - 1, Math.max(0, Math.floor((t - from) / width)));
    (buckets[i] as number[]).push(v);
  }
  return buckets;
}
