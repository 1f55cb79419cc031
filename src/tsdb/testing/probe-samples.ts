import type { AppendSample, MetricType } from '../tsdb.js';

/** Jan 1 2026 00:00 UTC: a fixed start so tests never read the wall clock. */
export const T0 = Date.UTC(2026, 0, 1);

/** A sample for tests. */
export function sample(
  name: string, labels: Record<string, string>, t: number, v: number, type: MetricType = 'gauge',
): AppendSample {
  return { name, labels, t, v, type };
}

/** A deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
