import { InvalidRequestError } from '../../errors.js';
import type { AppendResult, AppendSample } from '../tsdb.js';
import { MAX_ABS_TIME } from './codec/chunk-format.js';
import { canonicalLabels } from './label-sets.js';
import { newSeriesId } from './random-ids.js';
import type { SeriesHeads } from './series-heads.js';
import type { SeriesEntry } from './series-entry.js';
import type { SeriesIndex } from './series-index.js';
import { validateSeriesNames } from './series-names.js';

/** The counter guardia writes when a target hits its series limit; exempt from the limit itself. */
export const SERIES_LIMIT_METRIC = 'guardia_tsdb_series_limit_exceeded_total';
const SERIES_LIMIT_HELP = 'Samples dropped because their target reached its series limit (counted per process).';
/** Owner of guardia's own tsdb series. */
export const TSDB_TARGET = 'guardia/tsdb';

/**
 * The synchronous write path: resolves each sample's series (creating it within the
 * target's limit), and appends it to the series head. Nothing here touches the store.
 */
export class SampleAppender {
  /** Samples dropped as older than (or as old as) the newest of their series, since start. */
  outOfOrder = 0;
  /** Rejected samples per target since start. */
  readonly rejections = new Map<string, number>();
  /** Series this process appended to, by head slot. */
  readonly headed: SeriesEntry[] = [];

  constructor(private readonly index: SeriesIndex, private readonly heads: SeriesHeads, private readonly limit: number) {}

  append(target: string, samples: readonly AppendSample[]): AppendResult {
    // Validate the whole batch first so that a bad sample rejects it without a partial write.
    const labelsJson = samples.map((s) => this.check(s));
    const result: AppendResult = { accepted: 0, rejected: 0, outOfOrder: 0 };
    let newestRejected = -Infinity;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i] as AppendSample;
      const entry = this.resolve(target, s, labelsJson[i] as string, false);
      if (!entry) {
        result.rejected++;
        newestRejected = Math.max(newestRejected, s.t);
      } else if (this.write(entry, s.t, s.v)) result.accepted++;
      else result.outOfOrder++;
    }
    this.outOfOrder += result.outOfOrder;
    if (result.rejected > 0) this.recordRejections(target, result.rejected, newestRejected);
    return result;
  }

  private check(s: AppendSample): string {
    if (!Number.isSafeInteger(s.t) || Math.abs(s.t) > MAX_ABS_TIME) {
      throw new InvalidRequestError(`sample of ${s.name} has time ${s.t}; expected epoch milliseconds (an integer)`);
    }
    if (typeof s.v !== 'number') throw new InvalidRequestError(`sample of ${s.name} has a non-numeric value`);
    const labelsJson = canonicalLabels(s.labels);
    if (!this.index.get(s.name, labelsJson)) validateSeriesNames(s.name, s.labels);
    return labelsJson;
  }

  private resolve(target: string, s: AppendSample, labelsJson: string, exempt: boolean): SeriesEntry | undefined {
    const known = this.index.get(s.name, labelsJson);
    if (known) return known;
    if (!exempt && this.index.seriesOf(target) >= this.limit) return undefined;
    return this.index.create(
      { id: newSeriesId(), name: s.name, labelsJson, target, type: s.type ?? 'untyped', help: s.help ?? '', createdMs: s.t },
      false,
    );
  }

  private write(entry: SeriesEntry, t: number, v: number): boolean {
    if (entry.slot < 0) {
      entry.slot = this.heads.allocate();
      this.headed[entry.slot] = entry;
    }
    return this.heads.append(entry.slot, t, v);
  }

  private recordRejections(target: string, count: number, t: number): void {
    const total = (this.rejections.get(target) ?? 0) + count;
    this.rejections.set(target, total);
    const sample: AppendSample = {
      name: SERIES_LIMIT_METRIC, labels: { target }, t, v: total, type: 'counter', help: SERIES_LIMIT_HELP,
    };
    const entry = this.resolve(TSDB_TARGET, sample, canonicalLabels(sample.labels), true) as SeriesEntry;
    // A second batch rejected in the same millisecond is reflected by the next sample.
    this.write(entry, t, total);
  }
}
