import type { ProbeMetric } from '../../probe.js';
import type { KeyCount } from './count-keys.js';
import type { RedisInfo } from './redis-info.js';

const ROLES = ['master', 'replica'] as const;

/**
 * The series of one redis run. The role is written as a state set (one series per role,
 * 1 for the current one, 0 for the other) so a failover flips values instead of leaving
 * a stale `role="master"` series at 1 on `/metrics`.
 */
export function redisMetrics(info: RedisInfo, pingMs: number, counts: ReadonlyMap<string, { pattern: string; result: KeyCount }>): ProbeMetric[] {
  const gauge = (name: string, help: string, value: number, labels?: Record<string, string>): ProbeMetric =>
    labels ? { name, help, type: 'gauge', labels, value } : { name, help, type: 'gauge', value };
  const metrics: ProbeMetric[] = [
    gauge('guardia_redis_ping_seconds', 'Round trip of PING to the Redis server.', pingMs / 1_000),
    gauge('guardia_redis_memory_used_bytes', 'Memory used by Redis (INFO used_memory).', info.usedMemoryBytes),
    gauge('guardia_redis_memory_max_bytes', 'Redis maxmemory limit; 0 means no limit.', info.maxMemoryBytes),
    gauge('guardia_redis_connected_clients', 'Client connections open on the Redis server.', info.connectedClients),
    {
      name: 'guardia_redis_evicted_keys_total',
      help: 'Keys evicted because of the maxmemory limit since the Redis server started.',
      type: 'counter',
      value: info.evictedKeys,
    },
  ];
  for (const role of ROLES) {
    metrics.push(gauge('guardia_redis_role', 'Replication role of the Redis server: 1 for the current role.', info.role === role ? 1 : 0, { role }));
  }
  for (const [name, { pattern, result }] of counts) {
    const labels = { name, pattern };
    metrics.push(gauge('guardia_redis_keys', 'Keys matching a configured pattern, counted with SCAN.', result.count, labels));
    metrics.push(
      gauge('guardia_redis_keys_complete', 'Whether the key count covered the whole keyspace (1) or stopped at max_keys or the time budget (0).', result.end === 'complete' ? 1 : 0, labels),
    );
  }
  return metrics;
}
