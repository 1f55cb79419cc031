import type { Clock } from '../clock/index.js';

/** What a probe concluded. `degraded` still counts as up for `guardia_probe_up`. */
export type ProbeStatus = 'up' | 'degraded' | 'down';

/** One extra series a probe measured, beyond the ones every probe writes. */
export interface ProbeMetric {
  /** Full metric name, e.g. `guardia_probe_http_status_code`. */
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  /** Labels besides `env` and `probe`, which the runner adds. */
  labels?: Record<string, string>;
  value: number;
}

/** What one attempt of a probe returns. */
export interface ProbeOutcome {
  status: ProbeStatus;
  /** Human reason, e.g. `HTTP 503 (expected 200)` or `connect ECONNREFUSED 127.0.0.1:5432`. Never contains secrets. */
  reason: string;
  metrics?: ProbeMetric[];
  /** Series collected from elsewhere (a scraped endpoint), stored as they are, not labelled by the runner. */
  ingest?: ProbeIngest;
}

/** One sample of a metric family. */
export interface FamilySample {
  /** The sample's own name: the family's, or `<family>_bucket`/`_sum`/`_count` for histograms and summaries. */
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A metric family as the Prometheus text format describes it: HELP, TYPE and samples. */
export interface MetricFamily {
  name: string;
  /** Empty when the source gave none. */
  help: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  samples: FamilySample[];
}

/** What a probe ingested: every family goes to the tsdb; with `expose` also to guardia's `/metrics`. */
export interface ProbeIngest {
  families: MetricFamily[];
  expose: boolean;
}

export interface ProbeContext {
  /** Aborted when the probe's timeout passes or guardia stops. */
  signal: AbortSignal;
  clock: Clock;
  timeoutMs: number;
}

/** A probe of one kind, built from its resolved config. `run()` must not throw: failures are `down`. */
export interface Probe {
  readonly kind: string;
  run(ctx: ProbeContext): Promise<ProbeOutcome>;
  /** Releases what the probe keeps between runs (connection pools, clients). */
  close?(): Promise<void>;
}

/** The full result of a probe run (after retries), published as `probe:result`. */
export interface ProbeResult {
  probeId: string;
  env: string;
  probe: string;
  kind: string;
  status: ProbeStatus;
  reason: string;
  /** When the run started, epoch ms. */
  at: number;
  durationMs: number;
  attempts: number;
  metrics: ProbeMetric[];
}
