import type { ScrapeProbeSpec } from '../../config/resolved-config.js';
import { CheckFailedError } from '../../errors.js';
import { abortReason } from '../internal/abort-reason.js';
import { errorReason } from '../internal/error-reason.js';
import { formatBytes } from '../internal/format-bytes.js';
import type { MetricFamily, Probe, ProbeContext, ProbeMetric, ProbeOutcome } from '../probe.js';
import { parseExposition } from './internal/exposition-parser.js';
import { fetchExposition, type Exposition } from './internal/fetch-exposition.js';
import { limitSeries } from './internal/limit-series.js';
import { addTargetLabels, targetInstance } from './internal/target-labels.js';

/**
 * Scrapes a Prometheus text endpoint (an app's `/metrics`, node_exporter…) as Prometheus
 * would: every sample gets `env`, `job` and `instance` labels and is ingested into the
 * tsdb under the probe's id, up to `series_limit` series; with `expose` the families also
 * appear on guardia's `/metrics`. Down when the endpoint fails or the text is invalid;
 * degraded when series were dropped for the limit.
 */
export class ScrapeProbe implements Probe {
  readonly kind = 'scrape';
  private readonly targetLabels: Record<string, string>;

  constructor(
    private readonly spec: ScrapeProbeSpec,
    env: string,
  ) {
    this.targetLabels = { env, job: spec.job, instance: targetInstance(spec.url) };
  }

  async run(ctx: ProbeContext): Promise<ProbeOutcome> {
    const started = ctx.clock.now();
    let exposition: Exposition;
    try {
      exposition = await fetchExposition(this.spec, ctx.signal, ctx.timeoutMs);
    } catch (error) {
      if (ctx.signal.aborted) return { status: 'down', reason: abortReason(ctx.signal, ctx.timeoutMs) };
      // fetch says only "fetch failed"; the cause has the socket error.
      return { status: 'down', reason: errorReason((error as { cause?: unknown }).cause ?? error, 'scrape failed') };
    }
    if (exposition.kind === 'status') return { status: 'down', reason: `HTTP ${exposition.status} (expected 2xx)` };
    if (exposition.kind === 'too_large') return { status: 'down', reason: `exposition larger than max_body ${formatBytes(this.spec.maxBodyBytes)}` };
    if (exposition.kind === 'not_text') return { status: 'down', reason: exposition.reason };
    let families: MetricFamily[];
    try {
      families = parseExposition(exposition.text);
    } catch (error) {
      if (!(error instanceof CheckFailedError)) throw error;
      return { status: 'down', reason: `invalid exposition at ${error.message}` };
    }
    const scraped = families.reduce((sum, family) => sum + family.samples.length, 0);
    const limited = limitSeries(addTargetLabels(families, this.targetLabels, this.spec.honorLabels), this.spec.seriesLimit);
    const metrics = scrapeMetrics(scraped, (ctx.clock.now() - started) / 1_000);
    const ingest = { families: limited.families, expose: this.spec.expose };
    if (limited.dropped > 0) {
      const kept = limited.series - limited.dropped;
      const reason = `series limit: the target exposes ${limited.series} series, over series_limit ${this.spec.seriesLimit}; kept the first ${kept}`;
      return { status: 'degraded', reason, metrics, ingest };
    }
    return { status: 'up', reason: `${scraped} samples scraped`, metrics, ingest };
  }
}

/** Prometheus's `scrape_samples_scraped` and `scrape_duration_seconds`, per probe. */
function scrapeMetrics(scraped: number, durationSeconds: number): ProbeMetric[] {
  return [
    { name: 'guardia_scrape_samples_scraped', help: 'Samples the target exposed in the last scrape.', type: 'gauge', value: scraped },
    { name: 'guardia_scrape_duration_seconds', help: 'How long the last scrape took, fetch and parse.', type: 'gauge', value: durationSeconds },
  ];
}
