import type { Notification } from '../notifier.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

/** One notification for one channel in the durable outbox. */
export interface OutboxEntry {
  id: string;
  /** `<notification key>|<channel>`: unique, so nothing is delivered twice. */
  dedupKey: string;
  channel: string;
  status: OutboxStatus;
  notification: Notification;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}
