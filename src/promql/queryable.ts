import type { LabelMatcher } from '../tsdb/index.js';
import type { Series } from './values.js';

/**
 * Where the engine reads series from: guardia's tsdb for live queries and rules, an
 * in-memory set for `guardia rules test`. The engine asks once per selector per query,
 * for the widest window that selector needs, then evaluates in memory.
 */
export interface Queryable {
  /**
   * Every series matching all `matchers` (Prometheus semantics: a missing label is "",
   * regexes anchored) with its points `mint <= t <= maxt` in time order, staleness markers
   * included; series without points in the window may be left out. Series order is unspecified.
   */
  select(matchers: readonly LabelMatcher[], mint: number, maxt: number): Promise<Series[]>;
}
