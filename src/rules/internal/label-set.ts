import { goQuote } from '../../gocompat/index.js';
import type { Metric } from '../../promql/index.js';

/**
 * Label-set helpers with Prometheus's ordering: names sorted, strings compared byte-wise
 * as UTF-8 (code point order), which is how promtool sorts what it compares and prints.
 */

/** Go's string comparison: code point order, which equals UTF-8 byte order. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral characters) sort after every BMP character in UTF-8 order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** The label names of `metric` in Prometheus order. */
export function labelNames(metric: Metric): string[] {
  return Object.keys(metric).sort(compareGoStrings);
}

/** `labels.Compare`: pairwise by name then value, then the shorter set first. */
export function compareLabelSets(a: Metric, b: Metric): number {
  const an = labelNames(a);
  const bn = labelNames(b);
  const n = Math.min(an.length, bn.length);
  for (let i = 0; i < n; i++) {
    const name = compareGoStrings(an[i] as string, bn[i] as string);
    if (name !== 0) return name;
    const value = compareGoStrings(a[an[i] as string] as string, b[bn[i] as string] as string);
    if (value !== 0) return value;
  }
  return an.length - bn.length;
}

/** `{__name__="up", job="api"}`, as Prometheus prints a label set. */
export function formatLabelSet(metric: Metric): string {
  return `{${labelNames(metric).map((name) => `${name}=${goQuote(metric[name] as string)}`).join(', ')}}`;
}

/** A key that is equal for equal label sets, whatever the property order. */
export function labelSetKey(metric: Metric): string {
  return JSON.stringify(labelNames(metric).map((name) => [name, metric[name]]));
}

/** A copy without empty values: Prometheus drops a label set to "" (`labels.Builder`). */
export function withoutEmpty(metric: Metric): Metric {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(metric)) if (value !== '') out[name] = value;
  return out;
}
