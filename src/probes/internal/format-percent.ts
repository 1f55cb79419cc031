/** A ratio as a short percentage with at most one decimal: `0.8632` → `86.3 %`, `0.8` → `80 %`. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 1_000) / 10} %`;
}
