import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { MetricFamily, ProbeResult } from '../probes/probe.js';
import { ExposedFamilies } from './internal/exposed-families.js';
import { ProbeSeriesTable } from './internal/probe-series-table.js';

const STATE_VALUE = { up: 0, degraded: 1, down: 2 } as const;
const PROBE_UP = 'guardia_probe_up';
const PROBE_STATE = 'guardia_probe_state';
const PROBE_DURATION = 'guardia_probe_duration_seconds';

/**
 * guardia's `/metrics`: its own process metrics under `guardia_`, the latest value of
 * every probe series (fed by `probe:result` events), and the families scrape probes
 * expose, rendered after prom-client's output.
 */
export class MetricsRegistry {
  readonly registry = new Registry();
  // Probe series live outside prom-client: thousands of probes made its per-series objects the bulk of /metrics' memory.
  private readonly probeSeries = new ProbeSeriesTable((name) => this.registry.getSingleMetric(name) !== undefined);
  private readonly exposed = new ExposedFamilies();
  private readonly lag: Histogram;
  private readonly overlaps: Counter;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'guardia_' });
    // These default gauges end in _total, which promtool rejects for non-counters.
    for (const name of ['active_handles_total', 'active_requests_total', 'active_resources_total']) {
      this.registry.removeSingleMetric(`guardia_nodejs_${name}`);
    }
    this.probeSeries.define(PROBE_UP, 'Whether the probe succeeded (1, also when degraded) or failed (0).', 'gauge');
    this.probeSeries.define(PROBE_STATE, 'Probe status: 0 up, 1 degraded, 2 down.', 'gauge');
    this.probeSeries.define(PROBE_DURATION, 'How long the last probe run took.', 'gauge');
    this.lag = new Histogram({
      name: 'guardia_scheduler_lag_seconds',
      help: 'Delay between when a job was due and when it started.',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [this.registry],
    });
    this.overlaps = new Counter({
      name: 'guardia_scheduler_skipped_runs_total',
      help: 'Runs skipped because the previous run of the same job was still going.',
      registers: [this.registry],
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async render(): Promise<string> {
    const own = await this.registry.metrics();
    return own + this.probeSeries.render() + this.exposed.render(this.ownSampleNames());
  }

  /** Records the latest result of a probe. */
  observeProbe(result: ProbeResult): void {
    this.probeSeries.setOwn(result, PROBE_UP, result.status === 'down' ? 0 : 1);
    this.probeSeries.setOwn(result, PROBE_STATE, STATE_VALUE[result.status]);
    this.probeSeries.setOwn(result, PROBE_DURATION, result.durationMs / 1000);
    for (const metric of result.metrics) this.probeSeries.observe(result, metric);
  }

  /** Shows a probe's scraped families on `/metrics` until its next run; undefined removes them. */
  exposeFamilies(probeId: string, families: readonly MetricFamily[] | undefined): void {
    this.exposed.set(probeId, families);
  }

  observeLag(lagMs: number): void {
    this.lag.observe(lagMs / 1000);
  }

  observeOverlap(): void {
    this.overlaps.inc();
  }

  /** Registers a counter whose values are read at scrape time from their owner. */
  collectedCounter(name: string, help: string, labelNames: string[], read: () => Iterable<[Record<string, string>, number]>): void {
    new Counter({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, value] of read()) this.inc(labels, value);
      },
    });
  }

  /** Every sample name prom-client may write (histograms and summaries add suffixes), which scraped families must not reuse. */
  private ownSampleNames(): Set<string> {
    const names = new Set<string>(this.probeSeries.names());
    for (const metric of this.registry.getMetricsAsArray()) {
      for (const suffix of ['', '_bucket', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
    }
    return names;
  }
}
