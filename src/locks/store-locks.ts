import type { Kysely } from 'kysely';
import type { Clock } from '../clock/index.js';
import type { Database } from '../store/index.js';
import { holderMayBeAlive } from './lock-holder.js';
import type { AcquireResult, LockState, NamedLocks } from './named-locks.js';

export interface StoreLocksOptions {
  clock: Clock;
  /** Whether a pid of this host still runs (tests inject it). */
  isAlive?: (pid: number) => boolean;
}

/**
 * `NamedLocks` on the store's `locks` table. Each change is one atomic statement: an insert that
 * does nothing on conflict, or a compare-and-set update on the row as it was read, so two
 * processes racing for a free or stale lock cannot both win (on SQLite and PostgreSQL alike).
 */
export function createStoreLocks(db: Kysely<Database>, options: StoreLocksOptions): NamedLocks {
  const { clock } = options;

  async function read(name: string): Promise<LockState | undefined> {
    const row = await db.selectFrom('locks').selectAll().where('name', '=', name).executeTakeFirst();
    return row && { holder: row.holder, acquiredAt: Number(row.acquired_at), expiresAt: Number(row.expires_at) };
  }

  function stale(state: LockState): boolean {
    return state.expiresAt <= clock.now() || !holderMayBeAlive(state.holder, options.isAlive);
  }

  return {
    async tryAcquire(name, holder, ttlMs): Promise<AcquireResult> {
      const now = clock.now();
      const inserted = await db
        .insertInto('locks')
        .values({ name, holder, acquired_at: now, expires_at: now + ttlMs })
        .onConflict((c) => c.column('name').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { acquired: true };
      const current = await read(name);
      if (!current) return this.tryAcquire(name, holder, ttlMs);
      if (current.holder !== holder && !stale(current)) return { acquired: false, current };
      const taken = await db
        .updateTable('locks')
        .set({ holder, acquired_at: current.holder === holder ? current.acquiredAt : now, expires_at: now + ttlMs })
        .where('name', '=', name)
        .where('holder', '=', current.holder)
        .where('expires_at', '=', current.expiresAt)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return { acquired: true };
      const winner = await read(name);
      return winner ? { acquired: false, current: winner } : this.tryAcquire(name, holder, ttlMs);
    },

    async renew(name, holder, ttlMs) {
      const result = await db
        .updateTable('locks')
        .set({ expires_at: clock.now() + ttlMs })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async release(name, holder) {
      await db.deleteFrom('locks').where('name', '=', name).where('holder', '=', holder).execute();
    },

    async holderOf(name) {
      const state = await read(name);
      return state && !stale(state) ? state : undefined;
    },
  };
}
