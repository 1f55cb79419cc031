/** What the probe benchmark must reach in every scenario. */
export const TARGETS = {
  /** Schedule lag of probe jobs, 99th percentile. */
  lagP99Ms: 100,
  /** CPU of the guardia process over the measured window, in % of one core. */
  cpuPercentOfCore: 25,
  /** Peak resident memory of the guardia process. */
  rssMb: 250,
  /** Raw tsdb storage per sample. */
  bytesPerSample: 16,
} as const;

/** A named pass/fail line of the report. */
export interface Verdict {
  name: string;
  pass: boolean;
  /** What was measured against what, e.g. `p99 4.1 ms < 100 ms`. */
  detail: string;
}
