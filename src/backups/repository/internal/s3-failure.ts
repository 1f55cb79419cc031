import type { ClassifiedFailure } from '../retrying.js';

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN',
  'ENOTFOUND', 'EAI_AGAIN', 'ESOCKETTIMEDOUT',
]);
const TRANSIENT_NAMES = new Set([
  'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'SlowDown', 'Throttling', 'ThrottlingException',
  'TooManyRequestsException', 'RequestThrottled', 'InternalError', 'ServiceUnavailable',
]);
const NOT_FOUND_NAMES = new Set(['NoSuchKey', 'NotFound']);

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Reads an S3 SDK (or socket) failure: transient, absent key, or permanent, with a reason for
 * people. `secrets` (the credentials in the environment) are masked should a message echo one.
 */
export function classifyS3Failure(error: unknown, secrets: readonly string[]): ClassifiedFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLikeError;
  const status = e.$metadata?.httpStatusCode;
  const name = e.name ?? 'Error';
  const reason = mask(describe(e, status, error), secrets);
  if (NOT_FOUND_NAMES.has(name) || (status === 404 && name !== 'NoSuchBucket')) return { kind: 'not_found', reason };
  const transient =
    (e.code !== undefined && NETWORK_CODES.has(e.code)) ||
    TRANSIENT_NAMES.has(name) ||
    (status !== undefined && (status >= 500 || status === 429 || status === 408)) ||
    Boolean(e.$retryable);
  return { kind: transient ? 'transient' : 'permanent', reason };
}

function describe(e: SdkLikeError, status: number | undefined, error: unknown): string {
  const message = e.message || e.code || String(error);
  if (e.name === 'CredentialsProviderError') return `${message} (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)`;
  if (status === undefined) return message;
  const hint = e.name === 'NoSuchBucket' ? ' (create the bucket or fix its name)' : '';
  return `${e.name ?? 'Error'} (HTTP ${status}): ${message}${hint}`;
}

function mask(text: string, secrets: readonly string[]): string {
  return secrets.reduce((masked, secret) => (secret ? masked.split(secret).join('***') : masked), text);
}
