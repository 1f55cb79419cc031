/** One benchmark run: `probes` HTTP probes every `everyMs`, measured after a warm-up. */
export interface Scenario {
  name: string;
  probes: number;
  everyMs: number;
  /**
   * Time from the scheduler's start to the measured window: the first runs create every
   * series and probe state row, which steady state never does again.
   */
  warmupMs: number;
  /** Length of the measured window; a multiple of `everyMs` covers each probe's slots equally. */
  measureMs: number;
  /** `defaults.jitter` written to guardia.yaml; undefined keeps guardia's default (10% of every, at most 10 s). */
  jitterMs?: number;
  /** Node/V8 flags for the guardia process, e.g. `--optimize-for-size` (none by default, as `guardia up` runs). */
  nodeFlags?: string[];
}

/**
 * The two default scenarios. Periods measured: 12 × 10 s and 4 × 60 s, one period of
 * warm-up each, so the default run takes about 7.5 minutes.
 */
export const DEFAULT_SCENARIOS: readonly Scenario[] = [
  { name: '2k-every-10s', probes: 2_000, everyMs: 10_000, warmupMs: 10_000, measureMs: 120_000 },
  { name: '10k-every-60s', probes: 10_000, everyMs: 60_000, warmupMs: 60_000, measureMs: 240_000 },
];
