import type { Scenario } from './scenario.js';

/** Percentiles of the schedule lag of probe jobs (`job:start` `lagMs`) due in the window. */
export interface LagFigures {
  runs: number;
  p50: number;
  p99: number;
  max: number;
}

/** Durations of one of guardia's own jobs (tsdb flush, maintain) started in the window. */
export interface UpkeepFigures {
  job: string;
  runs: number;
  p50: number;
  max: number;
}

/** Bytes per raw sample, each counting something different (see `measure-storage.ts`). */
export interface StorageFigures {
  series: number;
  rawSamples: number;
  rawChunks: number;
  /** Chunk payloads only (`stats().rawBytes`). */
  payloadPerSample: number;
  /** Payloads plus the per-chunk-row estimate (`stats().rawStorageBytes`). */
  storageEstimatePerSample: number;
  /** Pages SQLite really uses for `tsdb_chunk` and its indexes (dbstat), whole pages. */
  chunkPagesPerSample: number;
  /** The SQLite file plus its WAL: every table, index, free page and WAL frame. */
  fileBytes: number;
  filePerSample: number;
  /** Growth of the payloads per sample added during the window: what one more sample costs. */
  windowPayloadPerSample: number;
  /** The window figure plus one chunk row's overhead spread over a full chunk: the long-run cost. */
  steadyStatePerSample: number;
  /** Samples a full chunk holds, and what the chunks of this run hold on average. */
  chunkCapacity: number;
  samplesPerChunk: number;
}

/** Everything one scenario process measured. */
export interface ScenarioResult {
  scenario: Scenario;
  /** Wall-clock bounds of the measured window, epoch ms. */
  window: { start: number; end: number; seconds: number };
  configLoadMs: number;
  openMs: number;
  probesPerSecond: { achieved: number; expected: number };
  results: { total: number; up: number; degraded: number; down: number; sampleDownReasons: string[] };
  lagMs: LagFigures;
  /** How late timers and I/O callbacks ran (perf_hooks' event-loop delay histogram, window only), ms. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  upkeep: UpkeepFigures[];
  overlaps: number;
  timeouts: number;
  cpu: { percentOfCore: number; medianPeriodPercent: number; periodPercents: number[]; userPercent: number; systemPercent: number };
  memory: {
    peakRssMb: number;
    /** When the peak was sampled, in seconds from the scheduler's start (the window starts at the warm-up's end). */
    peakRssAtS: number;
    peakRssInWindowMb: number;
    vmHwmMb: number;
    heapUsedMb: number;
    heapTotalMb: number;
    externalMb: number;
    /** Highest RSS of each second of the scenario process, in MB. */
    rssBySecondMb: number[];
  };
  storage: StorageFigures;
  /** With `--heap-prof`: the profile of the window's allocations that outlived the young generation, and its top sites. */
  promoted?: { file: string; top: string[] };
  /**
   * States as `guardia status` reads them from the store at the end of the window, and the
   * longest a published result had waited unseen by the store at that moment.
   */
  status: { up: number; degraded: number; down: number; unknown: number; stalestMs: number };
  logErrors: number;
}
