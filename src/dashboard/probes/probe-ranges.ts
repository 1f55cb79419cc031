const HOUR = 3_600_000;

/** The ranges a probe page offers, by their URL value. */
export const RANGES = { '1h': HOUR, '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR } as const;

export type RangeName = keyof typeof RANGES;

/** The range named by `?range=`, 1h when missing or unknown. */
export function parseRange(raw: string | undefined): RangeName {
  return raw !== undefined && Object.hasOwn(RANGES, raw) ? (raw as RangeName) : '1h';
}
