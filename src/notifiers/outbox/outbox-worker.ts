import type { Clock } from '../../clock/index.js';
import { NotifyError } from '../../errors.js';
import type { AppendSample, Tsdb } from '../../tsdb/index.js';
import type { Notifier } from '../notifier.js';
import type { OutboxEntry } from './outbox-entry.js';
import type { OutboxRepository } from './outbox-repository.js';
import { retryDelay, type RetryPolicy } from './retry-policy.js';

/** The tsdb target owning the notification series. */
const METRICS_TARGET = 'guardia/notifications';
const CLAIM_LIMIT = 50;
/** A claimed row not finished by then is taken again (its sender crashed or hung). */
const LEASE_MS = 60_000;
const SEND_TIMEOUT_MS = 30_000;

export interface OutboxWorkerDeps {
  repository: OutboxRepository;
  notifierFor: (channel: string) => Notifier | undefined;
  clock: Clock;
  retry: RetryPolicy;
  tsdb?: Tsdb;
  /** A delivery that failed (it will be retried or is dead). */
  onFailure?: (entry: OutboxEntry, error: unknown, dead: boolean) => void;
}

/**
 * Sends due outbox rows: claims them, calls the channel's notifier, and records the
 * outcome with exponential backoff. Records `guardia_notification_delivery_seconds{channel}`
 * (outbox write to receiver's acceptance) and `guardia_notifications_total{channel,status}`.
 */
export class OutboxWorker {
  private readonly counts = new Map<string, number>();

  constructor(private readonly deps: OutboxWorkerDeps) {}

  /** Sends every row due now; resolves when each has been sent or rescheduled. */
  async deliverDue(signal?: AbortSignal): Promise<void> {
    const { repository, clock } = this.deps;
    for (;;) {
      const claimed = await repository.claimDue(clock.now(), LEASE_MS, CLAIM_LIMIT);
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((entry) => this.deliver(entry, signal)));
      if (claimed.length < CLAIM_LIMIT) return;
    }
  }

  private async deliver(entry: OutboxEntry, outer?: AbortSignal): Promise<void> {
    const { repository, clock, retry } = this.deps;
    const attempts = entry.attempts + 1;
    try {
      const notifier = this.deps.notifierFor(entry.channel);
      if (!notifier) throw new NotifyError(`channel "${entry.channel}" is not configured any more`, false);
      const controller = new AbortController();
      const cancel = clock.setTimer(SEND_TIMEOUT_MS, () => controller.abort(new NotifyError(`channel "${entry.channel}" did not answer within 30s`, true)));
      const onAbort = () => controller.abort(outer?.reason);
      outer?.addEventListener('abort', onAbort, { once: true });
      try {
        await notifier.send(entry.notification, controller.signal);
      } finally {
        cancel();
        outer?.removeEventListener('abort', onAbort);
      }
      const now = clock.now();
      await repository.markSent(entry.id, attempts, now);
      this.record(entry.channel, 'sent', now, (now - entry.createdAt) / 1000);
    } catch (error) {
      const now = clock.now();
      const message = error instanceof Error ? error.message : String(error);
      const retryable = !(error instanceof NotifyError) || error.retryable;
      const dead = !retryable || attempts >= retry.maxAttempts || now - entry.createdAt >= retry.maxAgeMs;
      if (dead) await repository.markDead(entry.id, attempts, message);
      else await repository.markFailed(entry.id, attempts, now + retryDelay(retry, attempts), message);
      this.record(entry.channel, dead ? 'dead' : 'failed', now);
      this.deps.onFailure?.(entry, error, dead);
    }
  }

  private record(channel: string, status: 'sent' | 'failed' | 'dead', now: number, latencySeconds?: number): void {
    const key = `${channel}\u0000${status}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    const samples: AppendSample[] = [
      { name: 'guardia_notifications_total', labels: { channel, status }, t: now, v: count, type: 'counter', help: 'Notification deliveries by outcome.' },
    ];
    if (latencySeconds !== undefined) {
      samples.push({ name: 'guardia_notification_delivery_seconds', labels: { channel }, t: now, v: latencySeconds, type: 'gauge', help: 'Seconds from writing a notification to its delivery.' });
    }
    this.deps.tsdb?.append(METRICS_TARGET, samples);
  }
}
