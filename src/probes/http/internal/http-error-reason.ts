import { abortReason } from '../../internal/abort-reason.js';
import { errorReason } from '../../internal/error-reason.js';

interface NodeError {
  code?: string;
  reason?: string;
  message?: string;
}

/**
 * A short reason for a failed exchange: the timeout, a TLS failure (`TLS: self-signed
 * certificate`), a reply that is not HTTP, a reset, or Node's own message
 * (`connect ECONNREFUSED 127.0.0.1:4681`), which never contains the URL's credentials.
 */
export function httpErrorReason(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) return abortReason(signal, timeoutMs);
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodeError;
  const code = e.code ?? '';
  if (isTlsCode(code)) return `TLS: ${errorReason(error)}`;
  if (code.startsWith('HPE_')) return `invalid HTTP response (${e.reason ?? code})`;
  if (code === 'ECONNRESET') return e.message === 'socket hang up' ? 'connection closed without a response' : 'connection reset by the server';
  if (code === 'EPROTO') return `TLS handshake failed: ${openSslReason(e.message ?? '')}`;
  if (code === 'ENOTFOUND') return `cannot resolve ${/ENOTFOUND (\S+)/.exec(e.message ?? '')?.[1] ?? 'host'}`;
  return errorReason(error, 'request failed');
}

/** `…:SSL routines:ssl3_get_record:wrong version number:…` → `wrong version number`. */
function openSslReason(message: string): string {
  return /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1] ?? 'protocol error';
}

function isTlsCode(code: string): boolean {
  return code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT') || code === 'HOSTNAME_MISMATCH';
}
