import type { StatusRange } from '../../../config/resolved-config.js';

/** True when `status` is in one of the ranges. */
export function statusInRanges(status: number, ranges: readonly StatusRange[]): boolean {
  return ranges.some((r) => status >= r.min && status <= r.max);
}

/** `2xx`, `200`, `200-204`, joined with `, `. */
export function describeRanges(ranges: readonly StatusRange[]): string {
  return ranges
    .map((r) => {
      if (r.min === r.max) return String(r.min);
      if (r.min % 100 === 0 && r.max === r.min + 99) return `${r.min / 100}xx`;
      return `${r.min}-${r.max}`;
    })
    .join(', ');
}
