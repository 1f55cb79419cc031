import type { AlertFilter, AlertInstance } from '../alerts/index.js';
import type { EnvironmentSettings } from '../dashboard/environments/environment-settings.js';
import type { BackupService } from '../backups/backup-service.js';
import type { LiveFeed } from '../dashboard/live/live-feed.js';
import type { ProbeHistory } from '../dashboard/probes/probe-history.js';
import type { Incident, IncidentStatus, IncidentView, TimelineEntry } from '../incidents/index.js';
import type { NewSilence, OutboxEntry, OutboxStatus, Silence } from '../notifiers/index.js';
import type { ProbeResult, ProbeStatus } from '../probes/probe.js';
import type { ReleaseService } from '../releases/index.js';
import type { Matrix, Metric, Value } from '../promql/index.js';
import type { StatusPages } from '../status-page/index.js';
import type { Role, TokenInfo } from '../tokens/index.js';
import type { UserAccess } from '../users/index.js';

/** A probe as the API and CLI show it: secrets redacted, times in epoch ms. */
export interface ProbeView {
  id: string;
  env: string;
  name: string;
  kind: string;
  /** What it checks (URL, host:port, "push"), credentials removed. */
  target: string;
  everyMs: number;
  status: ProbeStatus | 'unknown';
  reason: string;
  since: number | null;
  lastRun: number | null;
  durationMs: number | null;
}

export interface EnvironmentView {
  name: string;
  /** Worst probe status; `unknown` when nothing has run yet. */
  status: ProbeStatus | 'unknown';
  counts: Record<ProbeStatus | 'unknown', number>;
  probes: ProbeView[];
}

export interface SeriesView {
  name: string;
  labels: Record<string, string>;
  /** `[epoch ms, value]` pairs. */
  samples: [number, number][];
}

export interface SamplesView {
  probe: string;
  metric: string;
  from: number;
  to: number;
  /** `raw`, or the rollup tier the points come from (then the value is each bucket's average). */
  resolution: 'raw' | '1m' | '1h';
  series: SeriesView[];
}

/** What the HTTP layer needs of guardia; the CLI uses the same services. */
export interface HttpServices {
  project: string;
  status: {
    environments(): Promise<EnvironmentView[]>;
    environment(name: string): Promise<EnvironmentView>;
  };
  probes: {
    list(env?: string): Promise<ProbeView[]>;
    get(id: string): Promise<ProbeView>;
    samples(id: string, query: { metric?: string; from?: number; to?: number }): Promise<SamplesView>;
    runNow(id: string): Promise<ProbeResult>;
  };
  heartbeats: {
    /** Records a push; false when the token is unknown. */
    recordPing(token: string, kind: 'success' | 'start' | 'fail', exitStatus?: number): Promise<boolean>;
  };
  tokens: {
    anyExist(): Promise<boolean>;
    verify(secret: string): Promise<TokenInfo | undefined>;
  };
  /** Dashboard users and browser sessions (`src/users`); absent in tests that need no login. */
  users?: UserAccess;
  /** Alert states as saved by the rule manager. */
  alerts: {
    list(filter?: AlertFilter): Promise<AlertInstance[]>;
  };
  /** Silences: the CLI and `/api/v1/silences` share them. */
  silences: {
    list(options?: { all?: boolean }): Promise<Silence[]>;
    add(input: NewSilence): Promise<Silence>;
    expire(id: string): Promise<Silence>;
  };
  /** The notification outbox, with its dead letters. */
  outbox: {
    list(options?: { status?: OutboxStatus; limit?: number }): Promise<OutboxEntry[]>;
  };
  /** Incidents: the CLI and `/api/v1/incidents` share them; actors are token names. */
  incidents: {
    list(options?: { status?: IncidentStatus | 'all' }): Promise<Incident[]>;
    view(id: string): Promise<IncidentView>;
    acknowledge(id: string, actor: string): Promise<Incident>;
    resolve(id: string, actor: string, note?: string): Promise<Incident>;
    assign(id: string, assignee: string, actor: string): Promise<Incident>;
    /** `public` notes are shown on the status page as the incident's updates. */
    note(id: string, text: string, actor: string, options?: { public?: boolean }): Promise<TimelineEntry>;
    /** True when `mac` is the one-click acknowledge link's signature of `id`. */
    verifyAckLink(id: string, mac: string): Promise<boolean>;
  };
  /** PromQL over the store (the Prometheus-compatible read API). Times in epoch ms. */
  query: {
    instant(expr: string, at: number): Promise<{ at: number; value: Value }>;
    range(expr: string, start: number, end: number, stepMs: number): Promise<Matrix>;
    series(selectors: readonly string[], start: number, end: number): Promise<Metric[]>;
    labelNames(selectors: readonly string[], start: number, end: number): Promise<string[]>;
    labelValues(label: string, selectors: readonly string[], start: number, end: number): Promise<string[]>;
  };
  /** Backups and drills (`/api/v1/backups`, `/api/v1/drills`); absent when no environment has `backups:`. */
  backups?: { service: BackupService; environments: readonly string[] };
  /** Releases (`/api/v1/releases`); absent when no environment has `release:`. */
  releases?: ReleaseService;
  /** Probe history for the dashboard (uptime, sparklines, latency, state changes, failures); absent where nothing records it. */
  probeHistory?: ProbeHistory;
  /** Probe state and alert changes as they happen, for the dashboard's `/live` stream. */
  live?: LiveFeed;
  /** Public status pages (`/status/<env>`) of the environments with `status_page:`; absent when none has. */
  statusPages?: StatusPages;
  /** Config summary without secrets. */
  configSummary(): unknown;
  /** Each environment's settings without secrets, for the dashboard (environments, backup objectives). */
  environmentSettings?(): EnvironmentSettings[];
  metrics: { contentType: string; render(): Promise<string> };
  /** Ready once the store is open and the scheduler runs. */
  ready(): { ready: boolean; reason?: string };
  now(): number;
}

/** Who is calling, as resolved by the access middleware. */
export interface Caller {
  name: string;
  role: Role | 'anonymous';
}
