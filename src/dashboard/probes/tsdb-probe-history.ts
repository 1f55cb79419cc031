import type { ProbeStatus } from '../../probes/probe.js';
import type { LabelMatcher, Labels, Tsdb } from '../../tsdb/index.js';
import { bucketize, percentiles } from './percentiles.js';
import type { LatencyView, ProbeHistory, ProbeKey, StateChange, Uptime } from './probe-history.js';
import type { RecentFailures } from './recent-failures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHART_BUCKETS = 120;
const UPTIME_TTL_MS = 60_000;
const STATES: readonly ProbeStatus[] = ['up', 'degraded', 'down'];

export interface TsdbProbeHistoryDeps {
  tsdb: Tsdb;
  /** How far back raw samples are kept; older ranges are read from the 1-minute rollups. */
  rawRetentionMs: number;
  failures: RecentFailures;
  now(): number;
}

/**
 * Probe history from the tsdb: uptime from the hourly rollups of `guardia_probe_up`,
 * latency from `guardia_probe_duration_seconds` (raw when kept, else each minute's maximum)
 * and state changes from `guardia_probe_state`. Many probes are read with one selector
 * (`env=~…, probe=~…`) per query, then matched by their labels. Uptime is kept a minute.
 */
export class TsdbProbeHistory implements ProbeHistory {
  // Uptime over a day or more moves little in a minute, and reading it is the overview's main cost.
  private readonly uptimes = new Map<string, { at: number; uptime: Uptime }>();

  constructor(private readonly deps: TsdbProbeHistoryDeps) {}

  async uptime(probes: readonly ProbeKey[], now: number): Promise<Map<string, Uptime>> {
    const stale = probes.filter((p) => (this.uptimes.get(p.id)?.at ?? -Infinity) <= now - UPTIME_TTL_MS);
    if (stale.length > 0) {
      const fresh = await this.readUptime(stale, now);
      for (const p of stale) this.uptimes.set(p.id, { at: now, uptime: fresh.get(p.id) ?? { day: null, week: null, month: null } });
    }
    return new Map(probes.map((p) => [p.id, (this.uptimes.get(p.id) as { uptime: Uptime }).uptime]));
  }

  private async readUptime(probes: readonly ProbeKey[], now: number): Promise<Map<string, Uptime>> {
    const out = new Map<string, Uptime>();
    const byLabels = index(probes);
    const series = await this.deps.tsdb.queryRollup(selector('guardia_probe_up', probes), '1h', now - 30 * DAY, now);
    for (const s of series) {
      const id = byLabels.get(key(s.labels));
      if (id === undefined) continue;
      const share = (since: number) => {
        let sum = 0;
        let count = 0;
        for (const p of s.points) if (p.t >= since && p.count > 0) [sum, count] = [sum + p.sum, count + p.count];
        return count === 0 ? null : sum / count;
      };
      out.set(id, { day: share(now - DAY), week: share(now - 7 * DAY), month: share(now - 30 * DAY) });
    }
    return out;
  }

  async sparklines(probes: readonly ProbeKey[], now: number, points: number): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    if (probes.length === 0) return out;
    const byLabels = index(probes);
    const from = now - HOUR;
    const series = await this.deps.tsdb.queryRange(selector('guardia_probe_duration_seconds', probes), from, now);
    for (const s of series) {
      const id = byLabels.get(key(s.labels));
      if (id === undefined) continue;
      const buckets = bucketize(s.samples.map((x) => [x.t, x.v * 1000] as const), from, now, points);
      out.set(id, buckets.filter((b) => b.length > 0).map((b) => b.reduce((a, v) => a + v, 0) / b.length));
    }
    return out;
  }

  async latency(probe: ProbeKey, from: number, to: number): Promise<LatencyView> {
    const matchers = selector('guardia_probe_duration_seconds', [probe]);
    const raw = this.isRaw(from);
    const points: [number, number][] = [];
    if (raw) {
      for (const s of await this.deps.tsdb.queryRange(matchers, from, to)) for (const x of s.samples) points.push([x.t, x.v * 1000]);
    } else {
      for (const s of await this.deps.tsdb.queryRollup(matchers, '1m', from, to)) {
        for (const p of s.points) if (Number.isFinite(p.max)) points.push([p.t, p.max * 1000]);
      }
    }
    const chart: LatencyView['chart'] = { t: [], p50: [], p95: [], p99: [] };
    const width = (to - from) / CHART_BUCKETS;
    bucketize(points, from, to, CHART_BUCKETS).forEach((bucket, i) => {
      const p = percentiles(bucket);
      chart.t.push(Math.round((from + (i + 0.5) * width) / 1000));
      chart.p50.push(p.p50);
      chart.p95.push(p.p95);
      chart.p99.push(p.p99);
    });
    return { from, to, method: raw ? 'raw' : '1m-max', runs: points.length, ...percentiles(points.map((p) => p[1])), chart };
  }

  async stateChanges(probe: ProbeKey, from: number, to: number, limit: number): Promise<StateChange[]> {
    const matchers = selector('guardia_probe_state', [probe]);
    const values: [number, number][] = [];
    if (this.isRaw(from)) {
      for (const s of await this.deps.tsdb.queryRange(matchers, from, to)) for (const x of s.samples) values.push([x.t, x.v]);
    } else {
      // A minute's worst state, so a short outage still shows.
      for (const s of await this.deps.tsdb.queryRollup(matchers, '1m', from, to)) for (const p of s.points) values.push([p.t, p.max]);
    }
    const changes: StateChange[] = [];
    let previous: number | undefined;
    for (const [t, v] of values) {
      if (v !== previous && STATES[v] !== undefined) changes.push({ at: t, status: STATES[v] });
      previous = v;
    }
    return changes.reverse().slice(0, limit);
  }

  recentFailures(probeId: string) {
    return this.deps.failures.list(probeId);
  }

  private isRaw(from: number): boolean {
    return from >= this.deps.now() - this.deps.rawRetentionMs;
  }
}

function selector(metric: string, probes: readonly ProbeKey[]): LabelMatcher[] {
  const alternatives = (values: Iterable<string>) => [...new Set(values)].map(escapeRegex).join('|');
  return [
    { name: '__name__', op: '=', value: metric },
    { name: 'env', op: '=~', value: alternatives(probes.map((p) => p.env)) },
    { name: 'probe', op: '=~', value: alternatives(probes.map((p) => p.name)) },
  ];
}

function index(probes: readonly ProbeKey[]): Map<string, string> {
  return new Map(probes.map((p) => [key({ env: p.env, probe: p.name }), p.id]));
}

function key(labels: Labels): string {
  return `${labels.env ?? ''}\u0000${labels.probe ?? ''}`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
