import type { ProbeConfig, ResolvedConfig } from '../config/index.js';
import { InvalidRequestError, NotFoundError } from '../errors.js';
import type { HttpServices, ProbeView, SamplesView } from '../http/index.js';
import type { ProbeResult } from '../probes/index.js';
import type { LabelMatcher, Tsdb } from '../tsdb/index.js';
import type { StatusService } from './status-service.js';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const HOUR = 3_600_000;

export interface ProbeServiceDeps {
  config: ResolvedConfig;
  status: StatusService;
  tsdb: Tsdb;
  runOnce(probe: ProbeConfig): Promise<ProbeResult>;
  now(): number;
  /** How far back raw samples are kept; older ranges are answered from rollups. */
  rawRetentionMs: number;
}

/** Probes as the API and CLI see them: list, detail, samples over a range, run now. */
export class ProbeService implements Pick<HttpServices, 'probes'> {
  readonly probes = {
    list: (env?: string) => this.deps.status.probeViews(env),
    get: (id: string) => this.get(id),
    samples: (id: string, query: { metric?: string; from?: number; to?: number }) => this.samples(id, query),
    runNow: (id: string) => this.deps.runOnce(this.find(id)),
  };

  constructor(private readonly deps: ProbeServiceDeps) {}

  /** The probe's config, or a NotFoundError naming it. */
  find(id: string): ProbeConfig {
    for (const env of this.deps.config.environments) {
      const probe = env.probes.find((p) => p.id === id);
      if (probe) return probe;
    }
    throw new NotFoundError(`no probe "${id}"; probes are named <environment>/<probe>`);
  }

  private async get(id: string): Promise<ProbeView> {
    const probe = this.find(id);
    const views = await this.deps.status.probeViews(probe.env);
    return views.find((v) => v.id === id) as ProbeView;
  }

  private async samples(id: string, query: { metric?: string; from?: number; to?: number }): Promise<SamplesView> {
    const probe = this.find(id);
    const metric = query.metric ?? 'guardia_probe_duration_seconds';
    if (!METRIC_NAME.test(metric)) throw new InvalidRequestError(`metric: "${metric}" is not a metric name`);
    const now = this.deps.now();
    const to = query.to ?? now;
    const from = query.from ?? to - HOUR;
    if (from > to) throw new InvalidRequestError('from must not be after to');
    const matchers: LabelMatcher[] = [
      { name: '__name__', op: '=', value: metric },
      { name: 'env', op: '=', value: probe.env },
      { name: 'probe', op: '=', value: probe.name },
    ];
    const base = { probe: id, metric, from, to };
    if (from >= now - this.deps.rawRetentionMs) {
      const series = await this.deps.tsdb.queryRange(matchers, from, to);
      return {
        ...base,
        resolution: 'raw',
        series: series.map((s) => ({ name: s.name, labels: { ...s.labels }, samples: s.samples.map((x) => [x.t, x.v]) })),
      };
    }
    const tier = to - from <= 30 * 24 * HOUR ? '1m' : '1h';
    const series = await this.deps.tsdb.queryRollup(matchers, tier, from, to);
    return {
      ...base,
      resolution: tier,
      series: series.map((s) => ({
        name: s.name,
        labels: { ...s.labels },
        samples: s.points.map((p) => [p.t, s.type === 'counter' ? p.sum : p.sum / p.count]),
      })),
    };
  }
}
