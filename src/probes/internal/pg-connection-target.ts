import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { UnavailableError } from '../../errors.js';

/** libpq's `sslmode` values. */
export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** Where and how to connect, as libpq would read a connection string and `PG*` variables. */
export interface PgConnectionTarget {
  /** Host name, IP address, or a Unix socket directory (starts with `/`). */
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  sslmode: SslMode;
  sslrootcert?: string;
  sslcert?: string;
  sslkey?: string;
  applicationName: string;
  options?: string;
}

/** What libpq consults besides the string: the environment, the OS user, the socket directories. */
export interface PgSystem {
  env: Record<string, string | undefined>;
  osUser(): string;
  socketExists(path: string): boolean;
}

export const processSystem: PgSystem = {
  env: process.env,
  osUser: () => userInfo().username,
  socketExists: existsSync,
};

/**
 * Socket directories tried when no host is given. libpq uses the one it was built with:
 * Debian's `/var/run/postgresql`, upstream's `/tmp`. node-pg would use `localhost`.
 */
const SOCKET_DIRS = ['/var/run/postgresql', '/tmp'];

/**
 * Reads a `postgres://` / `postgresql://` URL with libpq's rules: query parameters
 * (`host`, `port`, `user`, `password`, `dbname`, `sslmode`, `sslrootcert`, `sslcert`,
 * `sslkey`, `application_name`, `options`) override the URL's parts; anything still missing
 * comes from `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`,
 * `PGSSLROOTCERT`, `PGSSLCERT`, `PGSSLKEY`, `PGAPPNAME`, `PGOPTIONS`; then the user is the
 * OS user, the database the user's name, the host a local socket (else `localhost`), the
 * port 5432 and `sslmode` `prefer`.
 */
export function resolvePgTarget(connectionString: string, system: PgSystem = processSystem): PgConnectionTarget {
  const url = parseUrl(connectionString);
  const { env } = system;
  const param = (name: string): string | undefined => nonEmpty(url.searchParams.get(name) ?? undefined);
  const port = parsePort(param('port') ?? nonEmpty(url.port) ?? nonEmpty(env.PGPORT) ?? '5432');
  const user = param('user') ?? nonEmpty(decode(url.username)) ?? nonEmpty(env.PGUSER) ?? system.osUser();
  const host = param('host') ?? nonEmpty(decode(url.hostname.replace(/^\[(.*)\]$/, '$1'))) ?? nonEmpty(env.PGHOST) ?? defaultHost(port, system);
  const target: PgConnectionTarget = {
    host,
    port,
    user,
    database: param('dbname') ?? nonEmpty(decode(url.pathname.slice(1))) ?? nonEmpty(env.PGDATABASE) ?? user,
    sslmode: parseSslMode(param('sslmode') ?? nonEmpty(env.PGSSLMODE) ?? 'prefer'),
    applicationName: param('application_name') ?? nonEmpty(env.PGAPPNAME) ?? 'guardia',
  };
  const password = param('password') ?? nonEmpty(decode(url.password)) ?? nonEmpty(env.PGPASSWORD);
  if (password !== undefined) target.password = password;
  const sslrootcert = param('sslrootcert') ?? nonEmpty(env.PGSSLROOTCERT);
  if (sslrootcert !== undefined) target.sslrootcert = sslrootcert;
  const sslcert = param('sslcert') ?? nonEmpty(env.PGSSLCERT);
  if (sslcert !== undefined) target.sslcert = sslcert;
  const sslkey = param('sslkey') ?? nonEmpty(env.PGSSLKEY);
  if (sslkey !== undefined) target.sslkey = sslkey;
  const options = param('options') ?? nonEmpty(env.PGOPTIONS);
  if (options !== undefined) target.options = options;
  return target;
}

/** `user@host:port/db` (or `user@/socket/dir:port/db`): a target without its password, for display. */
export function describePgTarget(target: PgConnectionTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `postgres://${encodeURIComponent(target.user)}@${host}:${target.port}/${target.database}`;
}

/** The effective target of a connection string, without its password (for display); never throws. */
export function describeConnectionString(connectionString: string, system: PgSystem = processSystem): string {
  try {
    return describePgTarget(resolvePgTarget(connectionString, system));
  } catch {
    return 'invalid connection string';
  }
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Never echo the string: it may hold a password.
    throw new UnavailableError('invalid PostgreSQL connection string');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new UnavailableError(`expected a postgres:// or postgresql:// connection string, got ${url.protocol}//…`);
  }
  return url;
}

function defaultHost(port: number, system: PgSystem): string {
  return SOCKET_DIRS.find((dir) => system.socketExists(`${dir}/.s.PGSQL.${port}`)) ?? 'localhost';
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535) throw new UnavailableError(`invalid port "${text}" in the connection string`);
  return port;
}

function parseSslMode(text: string): SslMode {
  if ((SSL_MODES as readonly string[]).includes(text)) return text as SslMode;
  throw new UnavailableError(`invalid sslmode "${text}"; expected one of ${SSL_MODES.join(', ')}`);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}
