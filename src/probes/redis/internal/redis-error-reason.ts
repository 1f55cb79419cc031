import { abortReason } from '../../internal/abort-reason.js';
import { errorReason } from '../../internal/error-reason.js';

/**
 * A short reason for a failed connection or command: the timeout, an authentication
 * failure said plainly, or the first line of the error (`connect ECONNREFUSED
 * 127.0.0.1:6390`). `password` is masked wherever it might appear.
 */
export function redisErrorReason(error: unknown, signal: AbortSignal, timeoutMs: number, password: string): string {
  if (signal.aborted) return abortReason(signal, timeoutMs);
  const reason = errorReason(error, 'redis command failed');
  const masked = password === '' ? reason : reason.split(password).join('***');
  if (masked.startsWith('WRONGPASS')) return 'authentication failed (WRONGPASS): wrong user name or password in the redis URL';
  if (masked.startsWith('NOAUTH')) return 'authentication required (NOAUTH): add the password to the redis URL (redis://:PASSWORD@host:port)';
  if (/^ERR AUTH .*without any password configured/i.test(masked)) {
    return 'authentication failed: the server has no password set; remove it from the redis URL';
  }
  if (masked === 'The client is closed' || masked === 'Socket closed unexpectedly') return 'connection to redis lost';
  return masked;
}
