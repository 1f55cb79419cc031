import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/index.js';
import type { NotifyOutboxTable } from '../../store/schema.js';
import type { Notification } from '../notifier.js';
import type { OutboxEntry, OutboxStatus } from './outbox-entry.js';

/** The outbox table: every write is one statement, so concurrent processes never see half a change. */
export class OutboxRepository {
  constructor(private readonly store: Store) {}

  /** Writes a notification before it is sent; false when its key was written before (by this or another process). */
  async enqueue(notification: Notification, now: number): Promise<boolean> {
    const result = await this.store.db
      .insertInto('notify_outbox')
      .values({
        id: `ob_${randomBytes(8).toString('hex')}`,
        dedup_key: `${notification.key}|${notification.channel}`,
        channel: notification.channel,
        status: 'pending',
        payload: JSON.stringify(notification),
        attempts: 0,
        next_attempt_ms: now,
        claimed_until_ms: null,
        last_error: null,
        created_ms: now,
        sent_ms: null,
      })
      .onConflict((oc) => oc.column('dedup_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /**
   * Claims due rows for sending until `now + leaseMs`. Each claim is a conditional update,
   * so of two processes racing for a row exactly one wins it.
   */
  async claimDue(now: number, leaseMs: number, limit: number): Promise<OutboxEntry[]> {
    const candidates = await this.store.db
      .selectFrom('notify_outbox')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_ms', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until_ms', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_ms')
      .limit(limit)
      .execute();
    const claimed: OutboxEntry[] = [];
    for (const row of candidates) {
      const result = await this.store.db
        .updateTable('notify_outbox')
        .set({ status: 'sending', claimed_until_ms: now + leaseMs })
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .where((eb) => (row.claimed_until_ms === null ? eb('claimed_until_ms', 'is', null) : eb('claimed_until_ms', '=', row.claimed_until_ms)))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) claimed.push(toEntry({ ...row, status: 'sending', claimed_until_ms: now + leaseMs }));
    }
    return claimed;
  }

  async markSent(id: string, attempts: number, now: number): Promise<void> {
    await this.store.db.updateTable('notify_outbox').set({ status: 'sent', attempts, sent_ms: now, claimed_until_ms: null, last_error: null }).where('id', '=', id).execute();
  }

  async markFailed(id: string, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    await this.store.db
      .updateTable('notify_outbox')
      .set({ status: 'pending', attempts, next_attempt_ms: nextAttemptAt, claimed_until_ms: null, last_error: error })
      .where('id', '=', id)
      .execute();
  }

  async markDead(id: string, attempts: number, error: string): Promise<void> {
    await this.store.db.updateTable('notify_outbox').set({ status: 'dead', attempts, claimed_until_ms: null, last_error: error }).where('id', '=', id).execute();
  }

  /** When the next pending row falls due, if any. */
  async nextDueAt(): Promise<number | undefined> {
    const row = await this.store.db
      .selectFrom('notify_outbox')
      .select((eb) => eb.fn.min('next_attempt_ms').as('at'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
  }

  /** Newest first; `status` narrows to one state (`dead` for dead letters). */
  async list(options: { status?: OutboxStatus; limit?: number } = {}): Promise<OutboxEntry[]> {
    let query = this.store.db.selectFrom('notify_outbox').selectAll().orderBy('created_ms', 'desc').limit(options.limit ?? 100);
    if (options.status) query = query.where('status', '=', options.status);
    return (await query.execute()).map(toEntry);
  }
}

function toEntry(row: NotifyOutboxTable): OutboxEntry {
  return {
    id: row.id,
    dedupKey: row.dedup_key,
    channel: row.channel,
    status: row.status as OutboxStatus,
    notification: JSON.parse(row.payload) as Notification,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_ms),
    lastError: row.last_error,
    createdAt: Number(row.created_ms),
    sentAt: row.sent_ms === null ? null : Number(row.sent_ms),
  };
}
