import { UnavailableError } from '../errors.js';
import type { Store } from '../store/index.js';
import { flushHeads } from './internal/head-flusher.js';
import { rollupHours } from './internal/hour-rollup-job.js';
import { rollupMinutes } from './internal/minute-rollup-job.js';
import { readRaw } from './internal/raw-reader.js';
import { CHUNK_ROW_OVERHEAD_BYTES, readRawTierSize } from './internal/raw-stats.js';
import { readRollups } from './internal/rollup-reader.js';
import { applyRetention } from './internal/retention-job.js';
import { SampleAppender } from './internal/sample-appender.js';
import { CHUNK_MAX_SPAN_MS, SeriesHeads } from './internal/series-heads.js';
import type { SeriesEntry } from './internal/series-entry.js';
import { SeriesIndex } from './internal/series-index.js';
import { refreshIndex } from './internal/series-loader.js';
import { SeriesSelector } from './internal/series-selector.js';
import type {
  AppendResult, AppendSample, InstantSample, LabelMatcher, RollupSeries, RollupTier, SeriesRef,
  SeriesSamples, Tsdb, TsdbOptions, TsdbStats,
} from './tsdb.js';

const DEFAULT_LOOKBACK_MS = 5 * 60 * 1000;

/**
 * The tsdb over guardia's `Store`. Appends go to per-series heads in memory; `flush()`
 * and `maintain()` run one at a time; reads merge the store with this process's heads.
 */
export class StoreTsdb implements Tsdb {
  private readonly index = new SeriesIndex();
  private readonly heads = new SeriesHeads();
  private readonly appender: SampleAppender;
  private writing: Promise<unknown> = Promise.resolve();
  private refreshing: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly store: Store, private readonly options: TsdbOptions) {
    this.appender = new SampleAppender(this.index, this.heads, options.seriesLimitPerTarget);
    // Start loading known series now, so that the series limit counts them from the first
    // appends; a failure is reported by the next flush or query, which retries the load.
    this.refresh().catch(() => undefined);
  }

  append(target: string, samples: AppendSample[]): AppendResult {
    this.assertOpen();
    return this.appender.append(target, samples);
  }

  flush(): Promise<void> {
    return this.exclusive(() => this.flushNow());
  }

  async queryRange(matchers: LabelMatcher[], start: number, end: number): Promise<SeriesSamples[]> {
    const entries = await this.select(matchers);
    const raw = await readRaw(this.store.db, this.heads, entries, start, end);
    return entries.flatMap((e) => {
      const samples = raw.get(e) ?? [];
      return samples.length > 0 ? [{ ...seriesRef(e), samples }] : [];
    });
  }

  async queryInstant(matchers: LabelMatcher[], at: number, lookbackMs = DEFAULT_LOOKBACK_MS): Promise<InstantSample[]> {
    const entries = await this.select(matchers);
    const raw = await readRaw(this.store.db, this.heads, entries, at - lookbackMs + 1, at);
    return entries.flatMap((e) => {
      const sample = raw.get(e)?.at(-1);
      return sample ? [{ ...seriesRef(e), sample }] : [];
    });
  }

  async queryRollup(matchers: LabelMatcher[], tier: RollupTier, start: number, end: number): Promise<RollupSeries[]> {
    const entries = await this.select(matchers);
    const rollups = await readRollups(this.store.db, entries, tier, start, end);
    return entries.flatMap((e) => {
      const points = rollups.get(e) ?? [];
      return points.length > 0 ? [{ ...seriesRef(e), points }] : [];
    });
  }

  maintain(now: number): Promise<void> {
    return this.exclusive(async () => {
      this.heads.sealIdle(now - CHUNK_MAX_SPAN_MS);
      await this.flushNow();
      const rolledUpTo = await rollupMinutes(this.store.db, this.index, now, this.options);
      await rollupHours(this.store.db, this.index);
      await applyRetention(this.store.db, this.index, now, this.options, rolledUpTo);
    });
  }

  async stats(): Promise<TsdbStats> {
    const size = await readRawTierSize(this.store.db);
    return {
      series: size.series,
      rawSamples: size.samples,
      rawBytes: size.payloadBytes,
      rawChunks: size.chunks,
      rawStorageBytes: size.payloadBytes + size.chunks * CHUNK_ROW_OVERHEAD_BYTES,
      bufferedSamples: this.heads.buffered(),
      outOfOrderDropped: this.appender.outOfOrder,
    };
  }

  seriesLimitRejections(): ReadonlyMap<string, number> {
    return new Map(this.appender.rejections);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
  }

  private async flushNow(): Promise<void> {
    // Loading known series first turns a restart's re-created series into plain lookups.
    await this.refresh();
    await flushHeads(this.store.db, this.index, this.heads, this.appender.headed);
  }

  private async select(matchers: LabelMatcher[]): Promise<SeriesEntry[]> {
    const selector = new SeriesSelector(matchers);
    await this.refresh();
    return this.index.select(selector).sort(bySeries);
  }

  private refresh(): Promise<void> {
    this.refreshing ??= refreshIndex(this.store.db, this.index).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Runs writers one after another; a failed run does not block the next. */
  private exclusive(run: () => Promise<void>): Promise<void> {
    this.assertOpen();
    const next = this.writing.then(run, run);
    this.writing = next.catch(() => undefined);
    return next;
  }

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('the tsdb is closed; open the store again to write or read');
  }
}

function seriesRef(e: SeriesEntry): SeriesRef {
  return { name: e.name, labels: e.labels, type: e.type, help: e.help };
}

function bySeries(a: SeriesEntry, b: SeriesEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.labelsJson < b.labelsJson ? -1 : a.labelsJson > b.labelsJson ? 1 : 0;
}
