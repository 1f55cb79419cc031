import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from '../../../test/support/pg-cluster.js';
import { metricValue, postgresSpec, runProbe } from '../internal/pg-test-kit.js';
import { PostgresProbe } from './postgres-probe.js';

let primary: PgCluster;
let replica: PgCluster;
const probes: PostgresProbe[] = [];

beforeAll(async () => {
  primary = await PgCluster.create();
  replica = await primary.createReplica();
});

afterEach(() => Promise.all(probes.splice(0).map((p) => p.close())));

afterAll(async () => {
  await replica?.destroy();
  await primary?.destroy();
});

function probe(cluster: PgCluster): PostgresProbe {
  const created = new PostgresProbe(postgresSpec(`${cluster.url()}?sslmode=disable`));
  probes.push(created);
  return created;
}

describe('PostgresProbe and replication', () => {
  it('reports a replica as in recovery, with its lag', async () => {
    const outcome = await runProbe(probe(replica));
    expect(outcome.status).toBe('up');
    expect(outcome.reason).toMatch(/^replica, lag \d/);
    expect(metricValue(outcome, 'guardia_postgres_in_recovery')).toBe(1);
    expect(metricValue(outcome, 'guardia_postgres_replication_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('reads a lag of 0 once the replica has replayed all it received, however old the last write', async () => {
    await primary.query('create table ticks (t timestamptz default now())');
    await primary.query('insert into ticks default values');
    const watcher = probe(replica);
    await expect.poll(async () => metricValue(await runProbe(watcher), 'guardia_postgres_replication_lag_seconds'), { timeout: 20_000 }).toBe(0);
  });

  it('reports a primary as not in recovery, without a lag series', async () => {
    const outcome = await runProbe(probe(primary));
    expect(outcome.reason).toMatch(/^primary, /);
    expect(metricValue(outcome, 'guardia_postgres_in_recovery')).toBe(0);
    expect(metricValue(outcome, 'guardia_postgres_replication_lag_seconds')).toBeUndefined();
  });
});
