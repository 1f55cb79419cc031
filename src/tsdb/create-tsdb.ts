import { InvalidRequestError } from '../errors.js';
import type { Store } from '../store/index.js';
import { StoreTsdb } from './store-tsdb.js';
import type { Tsdb, TsdbOptions } from './tsdb.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEFAULT_TSDB_OPTIONS: Readonly<TsdbOptions> = Object.freeze({
  rawRetentionMs: 48 * HOUR,
  minuteRetentionMs: 30 * DAY,
  hourRetentionMs: 400 * DAY,
  seriesLimitPerTarget: 10_000,
  rollupDelayMs: 60_000,
});

/**
 * Opens guardia's time-series database on a migrated store (tables of migration 002).
 * Nothing runs on a timer: the caller flushes and maintains on its own schedule.
 */
export function createTsdb(store: Store, options: Partial<TsdbOptions> = {}): Tsdb {
  const resolved = { ...DEFAULT_TSDB_OPTIONS };
  for (const [key, value] of Object.entries(options) as [keyof TsdbOptions, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) {
      throw new InvalidRequestError(`tsdb option ${key} must be a non-negative number, got ${value}`);
    }
    resolved[key] = value;
  }
  return new StoreTsdb(store, resolved);
}
