/** Most decimal digits tried when a value is stored as a scaled integer. */
export const MAX_SCALE = 15;

/** Exact powers of ten (every 10^k with k ≤ 22 is an exact double). */
export const POW10: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, k) => 10 ** k);

/**
 * The integer `m` with `m / 10^k === v` exactly, or NaN when `v` has no such form at scale `k`
 * (-0 has none: it would come back as +0).
 */
export function scaledInteger(v: number, k: number): number {
  const p = POW10[k] as number;
  const m = Math.round(v * p);
  if (!Number.isSafeInteger(m) || m / p !== v || (v === 0 && 1 / v < 0)) return NaN;
  return m;
}

/**
 * What the decoder predicts from the previous value at scale `k`: any deterministic integer
 * works, the encoder and decoder compute the same one. NaN when the previous value is unusable.
 */
export function predictScaled(prev: number, k: number): number {
  const m = Math.round(prev * (POW10[k] as number));
  return Number.isSafeInteger(m) ? m : NaN;
}
