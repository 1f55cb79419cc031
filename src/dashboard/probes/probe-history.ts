import type { ProbeStatus } from '../../probes/probe.js';

/** Share of runs that were up (degraded counts as up), 0..1; null without data. */
export interface Uptime {
  day: number | null;
  week: number | null;
  month: number | null;
}

/** A probe as the history reads it: its id and its `{env, probe}` labels. */
export interface ProbeKey {
  id: string;
  env: string;
  name: string;
}

/** Latency of one probe over a range, in ms. */
export interface LatencyView {
  from: number;
  to: number;
  /** `raw`: exact, over every run; `1m-max`: approximate, over each minute's slowest run (raw samples are gone). */
  method: 'raw' | '1m-max';
  runs: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Per time bucket (`t` in epoch seconds, for uPlot), the same percentiles; null where a bucket is empty. */
  chart: { t: number[]; p50: (number | null)[]; p95: (number | null)[]; p99: (number | null)[] };
}

/** A change of a probe's state as the tsdb saw it (`guardia_probe_state`). */
export interface StateChange {
  at: number;
  status: ProbeStatus;
}

/** A failed or degraded run, with its (already redacted) reason. */
export interface FailureView {
  at: number;
  status: Exclude<ProbeStatus, 'up'>;
  reason: string;
}

/**
 * What the dashboard reads about probes' past. Methods taking many probes answer all of
 * them in a few batched queries, never one per probe.
 */
export interface ProbeHistory {
  uptime(probes: readonly ProbeKey[], now: number): Promise<Map<string, Uptime>>;
  /** Run durations (ms) over the last hour, averaged into at most `points` buckets, oldest first. */
  sparklines(probes: readonly ProbeKey[], now: number, points: number): Promise<Map<string, number[]>>;
  latency(probe: ProbeKey, from: number, to: number): Promise<LatencyView>;
  /** State changes in `[from, to]`, newest first, at most `limit`. */
  stateChanges(probe: ProbeKey, from: number, to: number, limit: number): Promise<StateChange[]>;
  /** The latest failed or degraded runs since guardia started, newest first. */
  recentFailures(probeId: string): FailureView[];
}
