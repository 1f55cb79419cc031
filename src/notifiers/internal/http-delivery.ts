import type { Clock } from '../../clock/index.js';
import { NotifyError } from '../../errors.js';

/** How much of a refusal's body goes into the error message: enough for "chat not found". */
const DETAIL_CHARS = 200;

/** One HTTP delivery to a channel's receiver. */
export interface HttpDelivery {
  channel: string;
  kind: string;
  url: string;
  body: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
  fetch: typeof fetch;
  clock: Clock;
  /** Values to mask if the receiver echoes them in its answer (tokens, keys). */
  secrets: readonly string[];
}

/** Statuses worth retrying: the receiver may take it later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * POSTs a JSON body and returns the response text. Every failure is a `NotifyError`
 * naming the channel and the HTTP status; the URL is never in the message, since for
 * Slack, Discord, Teams and Telegram it carries the credential.
 */
export async function postJson(delivery: HttpDelivery): Promise<string> {
  const where = `channel "${delivery.channel}" (${delivery.kind})`;
  const timeout = new AbortController();
  // The timeout runs on the injected clock, so tests advance time instead of waiting.
  const cancel = delivery.clock.setTimer(delivery.timeoutMs, () => timeout.abort());
  const signal = AbortSignal.any([delivery.signal, timeout.signal]);
  try {
    const response = await delivery.fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'guardia', ...delivery.headers },
      body: delivery.body,
      signal,
      redirect: 'error',
    });
    const text = await response.text();
    if (response.ok) return text;
    const detail = mask(text.replace(/\s+/g, ' ').trim().slice(0, DETAIL_CHARS), delivery.secrets);
    throw new NotifyError(`${where}: the receiver answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`, isRetryableStatus(response.status));
  } catch (error) {
    if (error instanceof NotifyError) throw error;
    if (timeout.signal.aborted) throw new NotifyError(`${where}: no answer within ${delivery.timeoutMs} ms`, true, { cause: error });
    if (delivery.signal.aborted) throw new NotifyError(`${where}: delivery cancelled`, true, { cause: error });
    throw new NotifyError(`${where}: cannot reach the receiver (${networkReason(error)})`, true, { cause: error });
  } finally {
    cancel();
  }
}

/** `ECONNREFUSED`, `ENOTFOUND`…: the code says what went wrong without naming the host. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return 'network error';
}

function mask(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('***');
  return out;
}
