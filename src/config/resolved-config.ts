import type { BackupsConfig } from './resolved-backup-config.js';
import type { ChannelConfig } from './resolved-channel-config.js';
import type { ReleaseConfig } from './schema/release/release-config.js';
import type { MirrorConfig } from './schema/mirror/mirror-config.js';

/**
 * The resolved configuration: what `resolveConfig()` returns once `guardia.yaml` has been
 * parsed, validated, interpolated and cross-checked. Durations are milliseconds, paths are
 * absolute, URLs are absolute. Each subsystem receives only its slice.
 */
export interface ResolvedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Directory the config file is in; relative paths resolve against it. */
  dir: string;
  project: string;
  /** State store URL as written (`sqlite:…` resolved to an absolute path), or undefined for the default. */
  store?: string;
  server: { listen?: ListenAddress };
  environments: EnvironmentConfig[];
  /** Notification channels from `channels:`, in file order. */
  channels: ChannelConfig[];
  /** Alert rules of every environment and the global ones, with how they are evaluated. */
  alerting: AlertingConfig;
  /** `notify:`, `routes:`, `inhibit:` and `maintenance:`: where alerts go and when they stay quiet. */
  routing: RoutingConfig;
  /** `incidents:`: which alerts open incidents, and each severity's policy. */
  incidents: IncidentsConfig;
  /** Every value that came from `${VAR}` interpolation: redacted from logs, errors and the API. */
  secrets: string[];
}

export type EnvironmentTier = 'production' | 'staging' | 'development';

export interface ListenAddress {
  host: string;
  port: number;
}

export interface EnvironmentConfig {
  name: string;
  /** `tier:`, or derived from the name (see `environmentTier`). Mirrors never write into `production`. */
  tier: EnvironmentTier;
  /** Base URL for relative HTTP probe paths. */
  url?: string;
  /** PostgreSQL connection string (libpq semantics). */
  database?: string;
  /** Redis URL. */
  redis?: string;
  probes: ProbeConfig[];
  /** `backups:`, when configured. */
  backups?: BackupsConfig;
  /** `release:`, when configured. */
  release?: ReleaseConfig;
  /** `migrations:`, when configured (otherwise `MIGRATIONS_DEFAULTS` apply). */
  migrations?: MigrationsConfig;
  /** `status_page:`, when the environment has a public status page. */
  statusPage?: StatusPageConfig;
  /** `mirror:`, when this environment is a masked mirror of another one. */
  mirror?: MirrorConfig;
}

/** A public status page (`/status/<env>`): which probes it shows, under which names. */
export interface StatusPageConfig {
  title: string;
  description?: string;
  /** In file order; `probe` is the probe's name within the environment. */
  components: { probe: string; name: string }[];
  /** Whether open incidents affecting the components are shown (with their public updates only). */
  incidents: boolean;
}

/** The app database's migrations of one environment. */
export interface MigrationsConfig {
  /** Absolute directory of the `NNNN_name.sql` files. */
  dir: string;
  /** History table name. */
  table: string;
  lockTimeoutMs: number;
  statementTimeoutMs: number;
}

/** Settings every probe kind shares. */
export interface ProbeCommon {
  /** `<env>/<probe>`, unique. */
  id: string;
  env: string;
  name: string;
  everyMs: number;
  timeoutMs: number;
  /** Extra attempts within one run before reporting down. */
  retries: number;
  retryDelayMs: number;
  /** Latency above which an otherwise healthy result is `degraded`. */
  degradedOverMs?: number;
  /** Spread first runs over up to this many ms (default: 10% of every, at most 10s). */
  jitterMs: number;
  /** Ids of the probes this one needs (`depends_on`): while one is down, alerts about this probe are not notified. */
  dependsOn?: string[];
}

export type ProbeConfig =
  | (ProbeCommon & { kind: 'http'; http: HttpProbeSpec })
  | (ProbeCommon & { kind: 'tcp'; tcp: TcpProbeSpec })
  | (ProbeCommon & { kind: 'postgres'; postgres: PostgresProbeSpec })
  | (ProbeCommon & { kind: 'sql'; sql: SqlProbeSpec })
  | (ProbeCommon & { kind: 'redis'; redis: RedisProbeSpec })
  | (ProbeCommon & { kind: 'scrape'; scrape: ScrapeProbeSpec })
  | (ProbeCommon & { kind: 'host'; host: HostProbeSpec })
  | (ProbeCommon & { kind: 'heartbeat'; heartbeat: HeartbeatProbeSpec });

export type ProbeKind = ProbeConfig['kind'];

/** Inclusive range of HTTP status codes; `200` is `{min: 200, max: 200}`, `2xx` is `{min: 200, max: 299}`. */
export interface StatusRange {
  min: number;
  max: number;
}

export type JsonPathOp = 'equals' | 'not_equals' | 'lt' | 'lte' | 'gt' | 'gte' | 'matches' | 'exists';

/** A condition on one value inside a JSON body, e.g. `$.checks.db.latency_ms` `lt` 500. */
export interface JsonPathCondition {
  /** `$.a.b[0].c` */
  path: string;
  op: JsonPathOp;
  value?: unknown;
}

export interface HealthVocabulary {
  up: string[];
  degraded: string[];
  down: string[];
}

export interface HttpProbeSpec {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  followRedirects: boolean;
  maxRedirects: number;
  /** Bodies larger than this are cut off; a check that needs the body then fails. */
  maxBodyBytes: number;
  tls: {
    /** Accept invalid or self-signed certificates. */
    insecure: boolean;
    /** Below this many days before expiry the probe is degraded. */
    minDays: number;
  };
  expect: {
    status: StatusRange[];
    /** The body must be JSON containing this subset. */
    json?: unknown;
    jsonPath: JsonPathCondition[];
    /** Regex source the body must match. */
    body?: string;
    /** Header name (lower case) → regex source its value must match. */
    headers: Record<string, string>;
    /** Above this latency the probe is down. */
    maxLatencyMs?: number;
  };
  /** Read `{status, checks}` health JSON: `auto` when the body looks like one. */
  health: { mode: 'auto' | 'on' | 'off'; vocabulary: HealthVocabulary };
}

export interface TcpProbeSpec {
  host: string;
  port: number;
}

export interface RedisProbeSpec {
  /** `redis://` or `rediss://` URL, possibly with credentials (never shown). */
  url: string;
  /** Key patterns counted with SCAN, by name: `{ locks: 'lock:acc:*' }`. */
  keys: Record<string, string>;
  /** Most keys counted per pattern and run; past it the count is a lower bound and the reason says so. */
  maxKeys: number;
  /** Above this `used_memory / maxmemory` ratio (0–1) the probe is degraded. */
  memoryDegradedOver: number;
}

export interface ScrapeProbeSpec {
  /** Absolute http(s) URL of a Prometheus text exposition. */
  url: string;
  headers: Record<string, string>;
  /** Also show the scraped families on guardia's `/metrics`. */
  expose: boolean;
  /** The `job` label of every scraped sample (default: the probe name). */
  job: string;
  /** Most series one scrape keeps; the rest are dropped and the probe is degraded. */
  seriesLimit: number;
  /** Keep the target's own `env`/`job`/`instance` labels instead of renaming them `exported_*`. */
  honorLabels: boolean;
  /** Larger expositions are refused. */
  maxBodyBytes: number;
}

export interface HostProbeSpec {
  /** Mount points to report; undefined means every real mount in /proc/mounts. */
  mounts?: string[];
  /** Ratios (0–1) above which the probe is degraded. */
  cpuDegradedOver: number;
  memoryDegradedOver: number;
  diskDegradedOver: number;
}

export interface PostgresProbeSpec {
  /** Connection string (libpq semantics): `postgres.url`, else the environment's `database`. */
  url: string;
  /** Also read server statistics (connections, size, replication, locks), not only `select 1`. */
  stats: boolean;
  /** Above this share of `max_connections` in use the probe is degraded (0-1). */
  maxConnectionsRatio: number;
}

/** Inclusive bounds on a value; either may be absent. */
export interface ValueBounds {
  min?: number;
  max?: number;
}

export interface SqlProbeSpec {
  /** Connection string (libpq semantics): `sql.url`, else the environment's `database`. */
  url: string;
  /** One read-only statement; each row is one `guardia_probe_value` series. */
  query: string;
  /** Columns that become labels; undefined: every column but the value column. */
  labels?: string[];
  /** Column holding the value; undefined: the last column. */
  value?: string;
  /** The value must stay within these bounds, or the probe is down. */
  expect: ValueBounds;
  /** Outside these bounds (but within `expect`) the probe is degraded. */
  degraded: ValueBounds;
}

export interface HeartbeatProbeSpec {
  /** Expected ping period (with `graceMs`), or undefined when `cron` is used. */
  periodMs?: number;
  cron?: { expr: string; timezone?: string };
  graceMs: number;
  /** Push token as configured; when undefined one is generated and kept in the store. */
  token?: string;
}

// --- routing (`notify:`, `routes:`, `inhibit:`, `maintenance:`; src/notifiers) ---

/** Alert severities (DESIGN.md's vocabulary). */
export type AlertSeverity = 'critical' | 'high' | 'medium' | 'low';

export interface RoutingConfig {
  /** Routes in file order, then the default route from `notify:` when given. */
  routes: RouteConfig[];
  inhibit: InhibitRuleConfig[];
  maintenance: MaintenanceWindowConfig[];
}

/** One route: which alerts (all matchers must hold), where they go, and the group timers. */
export interface RouteConfig {
  /** `routes[2]`, or `notify` for the default route: names the route in group keys and messages. */
  id: string;
  match: Record<string, string>;
  /** Label → regex source, anchored. */
  matchRe: Record<string, string>;
  severity?: AlertSeverity[];
  env?: string[];
  channels: string[];
  continue: boolean;
  groupBy: string[];
  /** Undefined: 0 for a critical alert, 30 s otherwise. */
  groupWaitMs?: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
}

/** Firing alerts matching `source` mute alerts matching `target` that share the `equal` labels. */
export interface InhibitRuleConfig {
  /** Label → accepted values. */
  source: Record<string, string[]>;
  target: Record<string, string[]>;
  equal: string[];
}

/** A time when alerts (of `env`, matching `match`) are not notified; probes keep running. */
export interface MaintenanceWindowConfig {
  name: string;
  env?: string;
  match: Record<string, string>;
  /** One-off window (epoch ms), or a recurring one by cron. */
  schedule: { kind: 'once'; startMs: number; endMs: number } | { kind: 'cron'; expr: string; timezone?: string; durationMs: number };
}

// --- alert rules (`alerts:`, `alerting:`; src/alerts) ---

/** `alerting:` and every `alerts:` section. */
export interface AlertingConfig {
  /** How often rules not tied to one probe are evaluated. */
  evaluationIntervalMs: number;
  /** Whether the always-firing `Watchdog` rule runs. */
  watchdog: boolean;
  /** `alerting.heartbeat`: ping an external dead man's switch while rule evaluation is healthy. */
  heartbeat?: HeartbeatPingConfig;
  /** Each environment's rules in file order, then the global ones. */
  rules: AlertRuleConfig[];
}

/** guardia's outbound heartbeat to an external dead man's switch. */
export interface HeartbeatPingConfig {
  url: string;
  everyMs: number;
  /** GET, or POST with a small JSON body. */
  method: 'GET' | 'POST';
}

/** One alert rule, short forms compiled to PromQL. */
export interface AlertRuleConfig {
  name: string;
  /** The environment whose `alerts:` holds the rule; undefined for a global rule. */
  env: string | undefined;
  /** PromQL; in an environment, every selector without `env` is scoped to it. */
  expr: string;
  forMs: number;
  keepFiringForMs: number;
  severity: 'critical' | 'high' | 'medium' | 'low';
  /** The rule's own label templates as written (severity and env are added by the rule manager). */
  labels: Record<string, string>;
  /** Annotation templates as written. */
  annotations: Record<string, string>;
  /** Absolute path of the runbook file, or its http(s) URL. */
  runbook?: string;
}

// --- incidents (`incidents:`; src/incidents) ---

export type IncidentSeverity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';

/** `incidents:` with defaults applied. */
export interface IncidentsConfig {
  /** Alert severities whose firing opens an incident. */
  openOn: AlertSeverity[];
  /** A firing alert joins an open incident of its environment opened at most this long ago. */
  correlateMs: number;
  /** Resolve an incident once every alert in it resolved. */
  autoResolve: boolean;
  map: Record<AlertSeverity, IncidentSeverity>;
  severities: Record<IncidentSeverity, IncidentPolicyConfig>;
}

export interface IncidentPolicyConfig {
  /** Response target: acknowledge within this long. */
  respondMs: number;
  /** Sorted by `afterMs`. */
  escalate: { afterMs: number; notify: string[] }[];
  /** Restart the escalation this long after its last step while unacknowledged. */
  repeatMs?: number;
}
