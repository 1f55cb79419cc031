import { stripUserinfo } from './redact-url.js';

const MAX_REASON = 200;

/**
 * A short, safe reason from anything thrown: the first line of its message, without
 * credentials from URLs and never a stack trace.
 */
export function errorReason(error: unknown, fallback = 'probe failed'): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const firstLine = message.split('\n', 1)[0]?.trim() ?? '';
  if (!firstLine) return fallback;
  const safe = stripUserinfo(firstLine);
  return safe.length > MAX_REASON ? `${safe.slice(0, MAX_REASON - 1)}…` : safe;
}
