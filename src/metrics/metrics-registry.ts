import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProbeMetric, ProbeResult } from '../probes/probe.js';

const STATE_VALUE = { up: 0, degraded: 1, down: 2 } as const;

/**
 * guardia's `/metrics`: its own process metrics under `guardia_`, and the latest value
 * of every probe series, fed by `probe:result` events.
 */
export class MetricsRegistry {
  readonly registry = new Registry();
  private readonly dynamic = new Map<string, { gauge: Gauge; labelNames: string[] }>();
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

  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** Records the latest result of a probe. */
  observeProbe(result: ProbeResult): void {
    const labels = { env: result.env, probe: result.probe };
    this.probeUp.set(labels, result.status === 'down' ? 0 : 1);
    this.probeState.set(labels, STATE_VALUE[result.status]);
    this.probeDuration.set(labels, result.durationMs / 1000);
    for (const metric of result.metrics) this.observeMetric(metric, labels);
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

  private observeMetric(metric: ProbeMetric, base: Record<string, string>): void {
    const labels = { ...base, ...metric.labels };
    let entry = this.dynamic.get(metric.name);
    if (!entry) {
      const labelNames = Object.keys(labels);
      entry = { gauge: this.gauge(metric.name, metric.help, labelNames), labelNames };
      this.dynamic.set(metric.name, entry);
    }
    // A probe kind emits a metric with one fixed label set; anything else is a bug upstream, not a crash here.
    if (Object.keys(labels).every((name) => entry.labelNames.includes(name))) entry.gauge.set(labels, metric.value);
  }

  private gauge(name: string, help: string, labelNames: string[]): Gauge {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
