import { Counter, Gauge, type Registry } from 'prom-client';
import type { ProbeMetric } from '../../probes/probe.js';

type Labels = Record<string, string>;

interface CounterEntry {
  labelNames: string[];
  /** Latest reading per label set. */
  values: Map<string, { labels: Labels; value: number }>;
}

/**
 * The per-kind series probes report (`guardia_probe_http_status_code`,
 * `guardia_redis_evicted_keys_total`…), created on first sight with the metric's type.
 * A counter shows the probe's latest reading as it is: when the source restarts and its
 * count falls back, `/metrics` shows the drop, which Prometheus's `rate()` reads as a
 * counter reset, as it would scraping the source itself.
 */
export class ProbeMetricSeries {
  private readonly gauges = new Map<string, { gauge: Gauge; labelNames: string[] }>();
  private readonly counters = new Map<string, CounterEntry>();

  constructor(private readonly registry: Registry) {}

  observe(metric: ProbeMetric, base: Labels): void {
    const labels = { ...base, ...metric.labels };
    if (metric.type === 'counter') this.observeCounter(metric, labels);
    else this.observeGauge(metric, labels);
  }

  private observeGauge(metric: ProbeMetric, labels: Labels): void {
    if (this.counters.has(metric.name)) return;
    let entry = this.gauges.get(metric.name);
    if (!entry) {
      const labelNames = Object.keys(labels);
      entry = { gauge: new Gauge({ name: metric.name, help: metric.help, labelNames, registers: [this.registry] }), labelNames };
      this.gauges.set(metric.name, entry);
    }
    // A probe kind emits a metric with one fixed label set; anything else is a bug upstream, not a crash here.
    if (fits(labels, entry.labelNames)) entry.gauge.set(labels, metric.value);
  }

  private observeCounter(metric: ProbeMetric, labels: Labels): void {
    if (this.gauges.has(metric.name)) return;
    let entry = this.counters.get(metric.name);
    if (!entry) {
      const created: CounterEntry = { labelNames: Object.keys(labels), values: new Map() };
      new Counter({
        name: metric.name,
        help: metric.help,
        labelNames: created.labelNames,
        registers: [this.registry],
        collect() {
          this.reset();
          for (const { labels: set, value } of created.values.values()) this.inc(set, value);
        },
      });
      this.counters.set(metric.name, (entry = created));
    }
    // A counter cannot be negative or NaN; such a reading is dropped rather than breaking the exposition.
    if (!fits(labels, entry.labelNames) || !(metric.value >= 0) || !Number.isFinite(metric.value)) return;
    entry.values.set(JSON.stringify(entry.labelNames.map((name) => labels[name])), { labels, value: metric.value });
  }
}

function fits(labels: Labels, labelNames: string[]): boolean {
  return Object.keys(labels).every((name) => labelNames.includes(name));
}
