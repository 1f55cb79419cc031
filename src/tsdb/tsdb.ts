/** Label set of a series, without `__name__`. */
export type Labels = Readonly<Record<string, string>>;

export type MetricType = 'gauge' | 'counter' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  /** Epoch ms. */
  t: number;
  v: number;
}

export interface AppendSample {
  name: string;
  labels: Labels;
  t: number;
  v: number;
  /** Used when the series is first seen; counters roll up as increases. */
  type?: MetricType;
  help?: string;
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

/** A Prometheus label matcher; `name: '__name__'` matches the metric name. Regexes are anchored. */
export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

export interface SeriesRef {
  name: string;
  labels: Labels;
  type: MetricType;
  help: string;
}

export interface SeriesSamples extends SeriesRef {
  samples: Sample[];
}

export interface InstantSample extends SeriesRef {
  sample: Sample;
}

export type RollupTier = '1m' | '1h';

/** One rollup bucket: `t` is the bucket start; for counters `sum` is the increase. */
export interface RollupPoint {
  t: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  last: number;
}

export interface RollupSeries extends SeriesRef {
  points: RollupPoint[];
}

export interface AppendResult {
  accepted: number;
  /** Samples dropped because their target reached its series limit. */
  rejected: number;
  /** Samples dropped because they were not newer than the last one of their series (as Prometheus does). */
  outOfOrder: number;
}

/**
 * Size of the raw tier as stored (flushed data only: `flush()` first to include buffered
 * samples), plus this process's counters.
 */
export interface TsdbStats {
  /** Rows of `tsdb_series`. */
  series: number;
  /** Samples in stored chunks (an open chunk counts as of its last flush). */
  rawSamples: number;
  /** Bytes of encoded raw sample data on disk: the sum of chunk payload lengths. */
  rawBytes: number;
  /** Rows of `tsdb_chunk`. */
  rawChunks: number;
  /**
   * Estimated disk cost of the raw tier: payloads plus a fixed per-chunk-row estimate
   * covering the row's other columns and its two index entries (SQLite, measured). Use
   * `rawStorageBytes / rawSamples` as the honest bytes-per-sample figure.
   */
  rawStorageBytes: number;
  /** Samples appended in this process and not yet flushed. */
  bufferedSamples: number;
  /** Samples this process dropped as out of order since it started. */
  outOfOrderDropped: number;
}

/**
 * The time-series database: Prometheus data model, raw tier plus 1-minute and 1-hour
 * rollups, each with its own retention. Appends are buffered; reads see buffered samples.
 */
export interface Tsdb {
  /**
   * Buffers samples owned by `target` (the unit of the series limit); synchronous and
   * cheap. A batch with an invalid sample (time not an integer, bad name) throws
   * `InvalidRequestError` and is not applied.
   */
  append(target: string, samples: AppendSample[]): AppendResult;
  /** Writes new series and buffered samples to the store in one transaction. */
  flush(): Promise<void>;
  /**
   * Raw samples with `start <= t <= end` of every matching series that has some, from every
   * process's flushed chunks and this process's buffer; series ordered by name, then labels.
   */
  queryRange(matchers: LabelMatcher[], start: number, end: number): Promise<SeriesSamples[]>;
  /** For each matching series, the newest sample with `at - lookbackMs < t <= at` (default 5 min). */
  queryInstant(matchers: LabelMatcher[], at: number, lookbackMs?: number): Promise<InstantSample[]>;
  /**
   * Rollup buckets starting in `[start, end]`, as computed by `maintain()`: a 1-minute
   * bucket appears `rollupDelayMs` after it ends, a 1-hour bucket once its last minute has.
   */
  queryRollup(matchers: LabelMatcher[], tier: RollupTier, start: number, end: number): Promise<RollupSeries[]>;
  /**
   * Flushes, seals chunks idle for 2 h, computes rollups of finished buckets from every
   * process's flushed chunks and applies retention. `now` is the current epoch ms.
   */
  maintain(now: number): Promise<void>;
  stats(): Promise<TsdbStats>;
  /**
   * Samples rejected per target by the series limit since this process started (also
   * written as the counter `guardia_tsdb_series_limit_exceeded_total{target}`).
   */
  seriesLimitRejections(): ReadonlyMap<string, number>;
  /** Flushes and stops. */
  close(): Promise<void>;
}

export interface TsdbOptions {
  /** Raw tier retention (default 48 h). */
  rawRetentionMs: number;
  /** 1-minute rollup retention (default 30 d). */
  minuteRetentionMs: number;
  /** 1-hour rollup retention (default 400 d). */
  hourRetentionMs: number;
  /** Most series one target may create (default 10,000). */
  seriesLimitPerTarget: number;
  /**
   * How long after a minute ends its rollup is computed (default 1 min), leaving other
   * processes time to flush samples of that minute. Later samples stay in the raw tier only.
   */
  rollupDelayMs: number;
}
