import { CheckFailedError } from '../../../errors.js';
import type { PgResult } from '../../internal/pg-client.js';

/** What the stats query reads from the server in one round trip. */
export interface ServerStats {
  connections: number;
  maxConnections: number;
  databaseSizeBytes: number;
  inRecovery: boolean;
  /** Undefined on a primary, and on a replica that is behind but has replayed no transaction yet. */
  replicationLagSeconds?: number;
  oldestTransactionSeconds: number;
  locksWaiting: number;
}

/**
 * One statement, readable by any role: pg_stat_activity lists every backend to everyone
 * (other roles' rows just hide their details, so counts stay right), pg_locks and the
 * recovery functions are public.
 *
 * Replication lag: when everything the replica has received is replayed it is caught up,
 * so the lag is 0 even if the primary has had no traffic for hours (the timestamp of the
 * last replayed transaction would say otherwise). Otherwise it is the time since the last
 * replayed transaction was committed on the primary.
 *
 * Oldest transaction: among client backends other than this one; a role without
 * pg_read_all_stats (pg_monitor) sees the start time of its own role's sessions only.
 */
export const STATS_QUERY = `select
  (select count(*) from pg_stat_activity where backend_type = 'client backend')::float8 as connections,
  current_setting('max_connections')::float8 as max_connections,
  pg_database_size(current_database())::float8 as database_size_bytes,
  pg_is_in_recovery() as in_recovery,
  case
    when not pg_is_in_recovery() then null
    when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
    else extract(epoch from now() - pg_last_xact_replay_timestamp())
  end::float8 as replication_lag_seconds,
  coalesce((select extract(epoch from now() - min(xact_start)) from pg_stat_activity
    where backend_type = 'client backend' and pid <> pg_backend_pid()), 0)::float8 as oldest_transaction_seconds,
  (select count(*) from pg_locks where not granted)::float8 as locks_waiting`;

/** Reads the one row of `STATS_QUERY`. */
export function readStats(result: PgResult | undefined): ServerStats {
  const row = result?.rows[0];
  if (!row) throw new CheckFailedError('the stats query returned no row');
  const [connections, maxConnections, databaseSizeBytes, inRecovery, lag, oldest, locksWaiting] = row;
  const stats: ServerStats = {
    connections: Number(connections),
    maxConnections: Number(maxConnections),
    databaseSizeBytes: Number(databaseSizeBytes),
    inRecovery: inRecovery === true,
    oldestTransactionSeconds: Math.max(0, Number(oldest)),
    locksWaiting: Number(locksWaiting),
  };
  // Clock skew between primary and replica can make "now - last replay" slightly negative.
  if (lag !== null && lag !== undefined) stats.replicationLagSeconds = Math.max(0, Number(lag));
  return stats;
}
