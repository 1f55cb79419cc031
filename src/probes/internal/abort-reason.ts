import { formatDuration } from './format-duration.js';

/** Why an aborted probe stopped: its timeout, or guardia shutting the run down. */
export function abortReason(signal: AbortSignal, timeoutMs: number): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') return `timed out after ${formatDuration(timeoutMs)}`;
  return 'cancelled';
}

/** The abort reason the runner uses when a probe's timeout passes. */
export function timeoutError(): DOMException {
  return new DOMException('probe timed out', 'TimeoutError');
}
