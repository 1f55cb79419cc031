import type { MetricFamily } from '../../probe.js';

/** The families that fit the limit, and how many series did not. */
export interface LimitedSeries {
  families: MetricFamily[];
  /** Distinct series the target exposed. */
  series: number;
  /** Series left out because of the limit. */
  dropped: number;
}

/**
 * Keeps the first `limit` distinct series in exposition order (so a family cut in the
 * middle keeps its first samples) and drops repeats of a series already seen, as
 * Prometheus drops duplicate samples of one scrape. Families left empty are removed.
 */
export function limitSeries(families: MetricFamily[], limit: number): LimitedSeries {
  const seen = new Set<string>();
  const dropped = new Set<string>();
  const kept: MetricFamily[] = [];
  for (const family of families) {
    const samples = family.samples.filter((sample) => {
      const key = seriesKey(sample.name, sample.labels);
      if (seen.has(key)) return false;
      if (seen.size >= limit) {
        dropped.add(key);
        return false;
      }
      seen.add(key);
      return true;
    });
    if (samples.length > 0) kept.push({ ...family, samples });
  }
  return { families: kept, series: seen.size + dropped.size, dropped: dropped.size };
}

function seriesKey(name: string, labels: Record<string, string>): string {
  return JSON.stringify([name, ...Object.keys(labels).sort().map((key) => [key, labels[key]])]);
}
