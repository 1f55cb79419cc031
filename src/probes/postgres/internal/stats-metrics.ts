import type { ProbeMetric } from '../../probe.js';
import type { ServerStats } from './server-stats.js';

const gauge = (name: string, value: number, help: string): ProbeMetric => ({ name, help, type: 'gauge', value });

/** The server's statistics as `guardia_postgres_*` series (the runner adds `env` and `probe`). */
export function statsMetrics(stats: ServerStats): ProbeMetric[] {
  const metrics = [
    gauge('guardia_postgres_connections', stats.connections, 'Client connections in use on the server (pg_stat_activity).'),
    gauge('guardia_postgres_max_connections', stats.maxConnections, 'The server\'s max_connections setting.'),
    gauge('guardia_postgres_database_size_bytes', stats.databaseSizeBytes, 'Size of the probed database in bytes.'),
    gauge('guardia_postgres_in_recovery', stats.inRecovery ? 1 : 0, '1 on a replica (in recovery), 0 on a primary.'),
    gauge(
      'guardia_postgres_oldest_transaction_seconds',
      stats.oldestTransactionSeconds,
      'Age of the oldest open transaction of a client backend, 0 if none.',
    ),
    gauge('guardia_postgres_locks_waiting', stats.locksWaiting, 'Lock requests waiting to be granted (pg_locks).'),
  ];
  if (stats.replicationLagSeconds !== undefined) {
    metrics.push(
      gauge(
        'guardia_postgres_replication_lag_seconds',
        stats.replicationLagSeconds,
        'Replica only: time since the last replayed transaction, 0 when all received WAL is replayed.',
      ),
    );
  }
  return metrics;
}
