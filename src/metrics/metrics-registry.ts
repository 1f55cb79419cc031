import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MetricFamily, ProbeResult } from '../probes/probe.js';
import { ExposedFamilies } from './internal/exposed-families.js';
import { ProbeMetricSeries } from './internal/probe-metric-series.js';

const STATE_VALUE = { up: 0, degraded: 1, down: 2 } as const;

/**
 * guardia's `/metrics`: its own process metrics under `guardia_`, the latest value of
 * every probe series (fed by `probe:result` events), and the families scrape probes
 * expose, rendered after prom-client's output.
 */
export class MetricsRegistry {
  readonly registry = new Registry();
  private readonly probeSeries = new ProbeMetricSeries(this.registry);
  private readonly exposed = new ExposedFamilies();
  private readonly probeUp: Gauge;
  private readonly probeState: Gauge;
  private readonly probeDuration: Gauge;
  private readonly lag: Histogram;
  private readonly overlaps: Counter;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'guardia_' });
    // These default gauges end in _total, which promtool rejects for non-counters.
    for (const name of ['active_handles_total', 'active_requests_total', 'active_resources_total']) {
      this.registry.removeSingleMetric(`guardia_nodejs_${name}`);
    }
    const probeLabels = ['env', 'probe'];
    this.probeUp = this.gauge('guardia_probe_up', 'Whether the probe succeeded (1, also when degraded) or failed (0).', probeLabels);
    this.probeState = this.gauge('guardia_probe_state', 'Probe status: 0 up, 1 degraded, 2 down.', probeLabels);
    this.probeDuration = this.gauge('guardia_probe_duration_seconds', 'How long the last probe run took.', probeLabels);
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
    return own + this.exposed.render(this.ownSampleNames());
  }

  /** Records the latest result of a probe. */
  observeProbe(result: ProbeResult): void {
    const labels = { env: result.env, probe: result.probe };
    this.probeUp.set(labels, result.status === 'down' ? 0 : 1);
    this.probeState.set(labels, STATE_VALUE[result.status]);
    this.probeDuration.set(labels, result.durationMs / 1000);
    for (const metric of result.metrics) this.probeSeries.observe(metric, labels);
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
    const names = new Set<string>();
    for (const metric of this.registry.getMetricsAsArray()) {
      for (const suffix of ['', '_bucket', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
    }
    return names;
  }

  private gauge(name: string, help: string, labelNames: string[]): Gauge {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
