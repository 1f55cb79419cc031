/** Prometheus's `quantile()` of plain values (quantile_over_time). */

/**
 * The φ-quantile of `values` (sorted in place) by linear interpolation between closest
 * ranks: NaN for no values or a NaN φ, -Inf below 0, +Inf above 1. NaN values sort
 * first, as Prometheus's ordering puts them.
 */
export function quantile(phi: number, values: Float64Array): number {
  const n = values.length;
  if (n === 0 || Number.isNaN(phi)) return NaN;
  if (phi < 0) return -Infinity;
  if (phi > 1) return Infinity;
  // A typed-array sort is numeric and puts NaNs last; read it shifted so they come first.
  const sorted = values.sort();
  let nans = 0;
  while (nans < n && Number.isNaN(sorted[n - 1 - nans])) nans++;
  const at = (i: number): number => (i < nans ? NaN : (sorted[i - nans] as number));
  const rank = phi * (n - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(n - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return at(lower) * (1 - weight) + at(upper) * weight;
}
