import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import type { HeartbeatPing, PingKind } from '../heartbeat-record.js';

/** The newest pings of a heartbeat first. */
export async function selectPings(db: Kysely<Database>, probeId: string, limit: number): Promise<HeartbeatPing[]> {
  const rows = await db
    .selectFrom('heartbeat_ping')
    .selectAll()
    .where('probe_id', '=', probeId)
    .orderBy('at_ms', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const ping: HeartbeatPing = { kind: r.kind as PingKind, atMs: Number(r.at_ms) };
    if (r.exit_status !== null) ping.exitStatus = Number(r.exit_status);
    return ping;
  });
}
