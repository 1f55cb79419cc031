import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { PgConnectionTarget } from './pg-connection-target.js';

/** One way to connect: plain (`false`) or with these TLS options. */
export type SslAttempt = false | ConnectionOptions;

/**
 * The connections libpq would try for a target's `sslmode`, in order: `prefer` tries TLS
 * then plain, `allow` plain then TLS. Only `verify-ca` and `verify-full` check the
 * certificate (`require` too when `sslrootcert` is given, as in libpq); without
 * `sslrootcert` the system's CA store is used. Unix sockets never use TLS, as in libpq.
 */
export function sslAttempts(target: PgConnectionTarget, readFile: (path: string) => string = readText): SslAttempt[] {
  if (target.host.startsWith('/') || target.sslmode === 'disable') return [false];
  const tls = tlsOptions(target, readFile);
  if (target.sslmode === 'allow') return [false, tls];
  if (target.sslmode === 'prefer') return [tls, false];
  return [tls];
}

/**
 * Whether a failed attempt should be followed by the next one: the server has no TLS, or
 * its pg_hba.conf has no entry for this kind of connection (SQLSTATE 28000). Anything else
 * (refused, wrong password, too many connections) would fail the same way again.
 */
export function worthAnotherAttempt(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.message === 'The server does not support SSL connections') return true;
  return (error as { code?: unknown }).code === '28000';
}

function tlsOptions(target: PgConnectionTarget, readFile: (path: string) => string): ConnectionOptions {
  const options: ConnectionOptions = {};
  if (target.sslcert !== undefined) options.cert = readFile(target.sslcert);
  if (target.sslkey !== undefined) options.key = readFile(target.sslkey);
  const rootCert = target.sslrootcert === 'system' ? undefined : target.sslrootcert;
  if (rootCert !== undefined) options.ca = readFile(rootCert);
  const verify = target.sslmode === 'verify-ca' || target.sslmode === 'verify-full' || (target.sslmode === 'require' && rootCert !== undefined);
  options.rejectUnauthorized = verify;
  // verify-ca checks the chain only; verify-full also checks that the name matches the host.
  if (verify && target.sslmode !== 'verify-full') options.checkServerIdentity = () => undefined;
  return options;
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
