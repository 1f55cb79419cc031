import type { Selectable } from 'kysely';
import type { HeartbeatTable } from '../../../store/schema.js';
import type { HeartbeatRecord } from '../heartbeat-record.js';

/** Maps a `heartbeat` row to a record; numbers are coerced because PostgreSQL returns bigint as text. */
export function heartbeatFromRow(row: Selectable<HeartbeatTable>): HeartbeatRecord {
  const record: HeartbeatRecord = { probeId: row.probe_id, token: row.token, createdMs: Number(row.created_ms) };
  if (row.last_ping_ms !== null) record.lastPingMs = Number(row.last_ping_ms);
  if (row.last_start_ms !== null) record.lastStartMs = Number(row.last_start_ms);
  if (row.last_kind === 'success' || row.last_kind === 'fail') record.lastKind = row.last_kind;
  if (row.last_exit_status !== null) record.lastExitStatus = Number(row.last_exit_status);
  return record;
}
