import type { EventBus, GuardiaEvents } from '../../src/events/index.js';
import type { ProbeStatus } from '../../src/probes/index.js';
import type { LagFigures, UpkeepFigures } from '../scenario-result.js';
import { percentile, sortedCopy } from './percentiles.js';

const PROBE_JOB = 'probe:';
const MAX_DOWN_REASONS = 5;

/** Counts of probe results by status. */
export interface ResultCounts {
  total: number;
  up: number;
  degraded: number;
  down: number;
  sampleDownReasons: string[];
}

/**
 * Records what the engine publishes: the lag of every probe job start, every probe
 * result, overlaps and timeouts, as flat arrays filtered by time afterwards. Listening
 * costs the guardia process a few array pushes per run, which the measurement includes.
 */
export class RunRecorder {
  private readonly lagScheduledAt: number[] = [];
  private readonly lags: number[] = [];
  private readonly resultAt: number[] = [];
  private readonly resultStatus: ProbeStatus[] = [];
  private readonly downReasons: string[] = [];
  private readonly overlapAt: number[] = [];
  private readonly timeoutAt: number[] = [];
  private readonly upkeepStarts = new Map<string, number>();
  /** Durations of guardia's own jobs (`guardia:tsdb-flush`…) that finished in the run, by job id. */
  readonly upkeep = new Map<string, { at: number; ms: number }[]>();
  /** The newest result of each probe: when its run started and when it was published (epoch ms). */
  readonly lastResults = new Map<string, { at: number; publishedAt: number }>();

  constructor(events: EventBus<GuardiaEvents>) {
    events.on('job:start', (e) => {
      if (!e.jobId.startsWith(PROBE_JOB)) return void this.upkeepStarts.set(e.jobId, e.startedAt);
      this.lagScheduledAt.push(e.scheduledAt);
      this.lags.push(e.lagMs);
    });
    events.on('probe:result', (r) => {
      this.resultAt.push(r.at);
      this.resultStatus.push(r.status);
      const last = this.lastResults.get(r.probeId);
      // Updated in place, so the bench does not add garbage to the process it measures.
      if (last) [last.at, last.publishedAt] = [r.at, Date.now()];
      else this.lastResults.set(r.probeId, { at: r.at, publishedAt: Date.now() });
      if (r.status === 'down' && this.downReasons.length < MAX_DOWN_REASONS) this.downReasons.push(`${r.probeId}: ${r.reason}`);
    });
    events.on('job:overlap', (e) => {
      if (e.jobId.startsWith(PROBE_JOB)) this.overlapAt.push(e.scheduledAt);
    });
    events.on('job:finish', (e) => {
      const started = this.upkeepStarts.get(e.jobId);
      if (started === undefined) return;
      const runs = this.upkeep.get(e.jobId) ?? [];
      runs.push({ at: started, ms: e.finishedAt - started });
      this.upkeep.set(e.jobId, runs);
    });
    events.on('job:timeout', (e) => {
      if (e.jobId.startsWith(PROBE_JOB)) this.timeoutAt.push(e.startedAt);
    });
  }

  /** Lag of probe runs that were due in `[from, to)`. */
  lag(from: number, to: number): LagFigures {
    const inWindow: number[] = [];
    this.lagScheduledAt.forEach((at, i) => {
      if (at >= from && at < to) inWindow.push(this.lags[i] as number);
    });
    const sorted = sortedCopy(inWindow);
    return { runs: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: percentile(sorted, 100) };
  }

  /** Results of runs that started in `[from, to)`. */
  results(from: number, to: number): ResultCounts {
    const counts: ResultCounts = { total: 0, up: 0, degraded: 0, down: 0, sampleDownReasons: this.downReasons };
    this.resultAt.forEach((at, i) => {
      if (at < from || at >= to) return;
      counts.total++;
      counts[this.resultStatus[i] as ProbeStatus]++;
    });
    return counts;
  }

  /** Median and longest duration of each of guardia's own jobs that started in `[from, to)`. */
  upkeepIn(from: number, to: number): UpkeepFigures[] {
    return [...this.upkeep].map(([job, runs]) => {
      const sorted = sortedCopy(runs.filter((r) => r.at >= from && r.at < to).map((r) => r.ms));
      return { job, runs: sorted.length, p50: percentile(sorted, 50), max: percentile(sorted, 100) };
    });
  }

  overlaps(from: number, to: number): number {
    return this.overlapAt.filter((at) => at >= from && at < to).length;
  }

  timeouts(from: number, to: number): number {
    return this.timeoutAt.filter((at) => at >= from && at < to).length;
  }
}
