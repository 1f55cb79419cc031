import { abortReason } from './abort-reason.js';
import { errorReason } from './error-reason.js';
import { isServerError } from './pg-connection.js';

/** Server errors whose own message is less telling than a short name and the SQLSTATE. */
const SERVER_REASONS: Record<string, string> = {
  '53300': 'too many connections (53300)',
};

/** Secrets shorter than this are not scrubbed: masking every "a" would garble the reason. */
const MIN_SECRET_LENGTH = 4;

/**
 * A short reason for a failed connection or statement: the timeout, the server's message
 * (`password authentication failed for user "app"`, `relation "x" does not exist`), or the
 * socket error (`connect ECONNREFUSED 127.0.0.1:5433`). `secrets` (the password) are masked
 * should a message ever echo them; URLs lose their credentials.
 */
export function pgErrorReason(error: unknown, signal: AbortSignal, timeoutMs: number, secrets: readonly (string | undefined)[] = []): string {
  if (signal.aborted) return abortReason(signal, timeoutMs);
  return scrub(describe(firstOf(error)), secrets);
}

function describe(error: unknown): string {
  if (isServerError(error)) return SERVER_REASONS[error.code] ?? errorReason(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT'))) {
    return `TLS: ${errorReason(error)}`;
  }
  if (code === 'ENOTFOUND') return `cannot resolve ${/ENOTFOUND (\S+)/.exec((error as Error).message)?.[1] ?? 'the host'}`;
  return errorReason(error, 'connection failed');
}

/** Node reports a host with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError without a message. */
function firstOf(error: unknown): unknown {
  return error instanceof AggregateError && error.errors.length > 0 && !error.message ? error.errors[0] : error;
}

function scrub(reason: string, secrets: readonly (string | undefined)[]): string {
  let safe = reason;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= MIN_SECRET_LENGTH) safe = safe.split(secret).join('***');
  }
  return safe;
}
