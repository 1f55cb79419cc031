import type { SqlProbeSpec } from '../../config/resolved-config.js';
import type { PgResult } from '../internal/pg-client.js';
import { PgConnection } from '../internal/pg-connection.js';
import type { PgConnectionDeps } from '../internal/pg-connection.js';
import { pgErrorReason } from '../internal/pg-error-reason.js';
import type { Probe, ProbeContext, ProbeOutcome } from '../probe.js';
import { judgeSamples } from './internal/judge-samples.js';
import { readOnlyQuery } from './internal/read-only-query.js';
import { readSamples } from './internal/read-samples.js';

/**
 * Runs a business check written in SQL (`select count(*) from bookings where …`) in a
 * READ ONLY transaction that is always rolled back, and writes each row as
 * `guardia_probe_value`. Down on a SQL error, a value that is not a number, or a value
 * outside `expect`; degraded outside `degraded`. Shares the postgres probe's connection
 * handling: one connection kept between runs.
 */
export class SqlProbe implements Probe {
  readonly kind = 'sql';
  private readonly connection: PgConnection;

  constructor(
    private readonly spec: SqlProbeSpec,
    deps: PgConnectionDeps = {},
  ) {
    this.connection = new PgConnection(spec.url, deps);
  }

  async run(ctx: ProbeContext): Promise<ProbeOutcome> {
    let result: PgResult;
    try {
      result = await this.connection.use(ctx.signal, (client) => readOnlyQuery(client, this.spec.query, ctx.timeoutMs));
    } catch (error) {
      return { status: 'down', reason: pgErrorReason(error, ctx.signal, ctx.timeoutMs, [this.connection.password()]) };
    }
    const samples = readSamples(result, this.spec);
    if ('failure' in samples) return { status: 'down', reason: samples.failure };
    return judgeSamples(samples, this.spec);
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
