import { formatDuration } from '../../internal/format-duration.js';
import type { ProbeOutcome } from '../../probe.js';
import type { ServerStats } from './server-stats.js';
import { statsMetrics } from './stats-metrics.js';

/**
 * Up with a one-line summary (`primary, connections 12/100`), or degraded when more than
 * `maxRatio` of max_connections are in use (`connections 95/100`).
 */
export function judgeStats(stats: ServerStats, maxRatio: number): ProbeOutcome {
  const connections = `connections ${stats.connections}/${stats.maxConnections}`;
  const metrics = statsMetrics(stats);
  if (stats.maxConnections > 0 && stats.connections / stats.maxConnections > maxRatio) {
    return { status: 'degraded', reason: connections, metrics };
  }
  const role = stats.inRecovery ? `replica${lagText(stats.replicationLagSeconds)}` : 'primary';
  return { status: 'up', reason: `${role}, ${connections}`, metrics };
}

function lagText(seconds: number | undefined): string {
  return seconds === undefined ? '' : `, lag ${formatDuration(seconds * 1_000)}`;
}
