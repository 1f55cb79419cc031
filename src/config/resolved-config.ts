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
  /** Every value that came from `${VAR}` interpolation: redacted from logs, errors and the API. */
  secrets: string[];
}

export interface ListenAddress {
  host: string;
  port: number;
}

export interface EnvironmentConfig {
  name: string;
  /** Base URL for relative HTTP probe paths. */
  url?: string;
  /** PostgreSQL connection string (libpq semantics). */
  database?: string;
  /** Redis URL. */
  redis?: string;
  probes: ProbeConfig[];
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
