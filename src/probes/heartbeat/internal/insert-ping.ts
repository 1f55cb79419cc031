import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import type { PingKind } from '../heartbeat-record.js';

export interface PingRow {
  probeId: string;
  kind: PingKind;
  exitStatus: number | undefined;
  at: number;
  /** Pings kept per heartbeat; older ones are deleted in the same transaction. */
  historyLimit: number;
}

/** Applies a ping to `heartbeat`, appends it to `heartbeat_ping` and trims the history, atomically. */
export async function insertPing(db: Kysely<Database>, ping: PingRow): Promise<void> {
  const { probeId, kind, at } = ping;
  const exitStatus = ping.exitStatus ?? null;
  await db.transaction().execute(async (trx) => {
    const update = kind === 'start' ? { last_start_ms: at } : { last_ping_ms: at, last_kind: kind, last_exit_status: exitStatus };
    await trx.updateTable('heartbeat').set(update).where('probe_id', '=', probeId).execute();
    await trx.insertInto('heartbeat_ping').values({ id: randomUUID(), probe_id: probeId, kind, exit_status: exitStatus, at_ms: at }).execute();
    const newest = trx
      .selectFrom('heartbeat_ping')
      .select('id')
      .where('probe_id', '=', probeId)
      .orderBy('at_ms', 'desc')
      .limit(ping.historyLimit);
    await trx.deleteFrom('heartbeat_ping').where('probe_id', '=', probeId).where('id', 'not in', newest).execute();
  });
}
