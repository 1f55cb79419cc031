import type { ResolvedConfig } from '../../config/index.js';

/** An environment's backup settings as the dashboard shows them: no URLs with passwords, no keys. */
export interface BackupSettings {
  schedule: string | null;
  /** Repositories as written (`file:./backups`, `s3://bucket/prefix`). */
  repositories: string[];
  encrypted: boolean;
  /** The databases' names in the config. */
  databases: string[];
  rpoMs: number | null;
  rtoMs: number | null;
}

/** One environment's settings without secrets: what `/environments` and `/backups` show. */
export interface EnvironmentSettings {
  name: string;
  /** Base URL without credentials, or null. */
  url: string | null;
  /** `host:port/database` of the environment's PostgreSQL, never the user or password. */
  database: string | null;
  probes: number;
  /** Names of the environment's alert rules. */
  alerts: string[];
  backups: BackupSettings | null;
}

/** Summarizes each environment of the config; `redact` removes `${VAR}` secrets from what is left. */
export function summarizeEnvironments(config: ResolvedConfig, redact: (text: string) => string): EnvironmentSettings[] {
  return config.environments.map((env) => ({
    name: env.name,
    url: env.url === undefined ? null : redact(withoutCredentials(env.url)),
    database: env.database === undefined ? null : redact(databaseAddress(env.database)),
    probes: env.probes.length,
    alerts: config.alerting.rules.filter((r) => r.env === env.name).map((r) => r.name),
    backups: env.backups
      ? {
          schedule: env.backups.schedule ?? null,
          repositories: env.backups.repositories.map((r) => redact(r.display)),
          encrypted: env.backups.encryptTo.length > 0,
          databases: env.backups.databases.map((d) => d.name),
          rpoMs: env.backups.objectives.rpoMs ?? null,
          rtoMs: env.backups.objectives.rtoMs ?? null,
        }
      : null,
  }));
}

function withoutCredentials(text: string): string {
  try {
    const url = new URL(text);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return '(not a URL)';
  }
}

/** `host:port/db` of a libpq URL or keyword string; the parts that are neither are dropped. */
export function databaseAddress(text: string): string {
  if (/^postgres(ql)?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      const db = decodeURIComponent(url.pathname.replace(/^\//, ''));
      return `${url.hostname || 'localhost'}${url.port ? `:${url.port}` : ''}/${db}`;
    } catch {
      return '(unreadable connection string)';
    }
  }
  const words = new Map([...text.matchAll(/(\w+)\s*=\s*('[^']*'|\S+)/g)].map(([, k, v]) => [k, (v ?? '').replace(/^'|'$/g, '')]));
  return `${words.get('host') ?? 'localhost'}${words.has('port') ? `:${words.get('port') ?? ''}` : ''}/${words.get('dbname') ?? ''}`;
}
