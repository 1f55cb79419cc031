export type {
  AppendResult, AppendSample, InstantSample, LabelMatcher, Labels, MatchOp, MetricType, RollupPoint,
  RollupSeries, RollupTier, Sample, SeriesRef, SeriesSamples, Tsdb, TsdbOptions, TsdbStats,
} from './tsdb.js';
export { createTsdb, DEFAULT_TSDB_OPTIONS } from './create-tsdb.js';
export { parseSelector } from './selector-parser.js';
export { SERIES_LIMIT_METRIC } from './internal/sample-appender.js';
export { SeriesSelector } from './internal/series-selector.js';
