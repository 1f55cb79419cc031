import type { PostgresProbeSpec } from '../../config/resolved-config.js';
import { PgConnection } from '../internal/pg-connection.js';
import type { PgConnectionDeps } from '../internal/pg-connection.js';
import { pgErrorReason } from '../internal/pg-error-reason.js';
import type { Probe, ProbeContext, ProbeOutcome } from '../probe.js';
import { judgeStats } from './internal/judge-stats.js';
import { readStats, STATS_QUERY } from './internal/server-stats.js';

/**
 * Probes a PostgreSQL server: connects (keeping one connection between runs) and runs
 * `select 1`, or with `stats` one query reading connections, size, replication, the oldest
 * transaction and waiting locks. Down when it cannot connect or query; degraded when
 * connections in use exceed `maxConnectionsRatio` of max_connections.
 */
export class PostgresProbe implements Probe {
  readonly kind = 'postgres';
  private readonly connection: PgConnection;

  constructor(
    private readonly spec: PostgresProbeSpec,
    deps: PgConnectionDeps = {},
  ) {
    this.connection = new PgConnection(spec.url, deps);
  }

  async run(ctx: ProbeContext): Promise<ProbeOutcome> {
    try {
      return await this.connection.use(ctx.signal, async (client) => {
        const query = this.spec.stats ? STATS_QUERY : 'select 1';
        // One round trip; SET LOCAL lasts only for this implicit transaction.
        const results = await client.simpleQuery(`set local statement_timeout = ${Math.max(1, Math.round(ctx.timeoutMs))}; ${query}`);
        if (!this.spec.stats) return { status: 'up', reason: 'connected' };
        return judgeStats(readStats(results.at(-1)), this.spec.maxConnectionsRatio);
      });
    } catch (error) {
      return { status: 'down', reason: pgErrorReason(error, ctx.signal, ctx.timeoutMs, [this.connection.password()]) };
    }
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
