import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from '../../../test/support/pg-cluster.js';
import { metricValue, openSession, postgresSpec, runProbe } from '../internal/pg-test-kit.js';
import { PostgresProbe } from './postgres-probe.js';

const PASSWORD = 'Tr0ub4dor-and-3'; // guardia:allow-secret
const WRONG = 'correct-horse-battery';
let cluster: PgCluster;
const probes: PostgresProbe[] = [];
const sessions: pg.Client[] = [];

beforeAll(async () => {
  cluster = await PgCluster.create({
    settings: { max_connections: 5, superuser_reserved_connections: 0 },
    hba: ['host all app 127.0.0.1/32 scram-sha-256'],
  });
  await cluster.query(`create role app login password '${PASSWORD}'`);
});

afterEach(async () => {
  await Promise.all(probes.splice(0).map((p) => p.close()));
  await Promise.all(sessions.splice(0).map((s) => s.end().catch(() => undefined)));
  // Each test starts with every connection slot free.
  await expect.poll(clientBackends, { timeout: 10_000 }).toBe(0);
});

afterAll(() => cluster?.destroy());

/** Client backends besides the one asking. */
async function clientBackends(): Promise<number> {
  const [row] = await cluster.query<{ n: number }>(`select count(*)::int - 1 as n from pg_stat_activity where backend_type = 'client backend'`);
  return row?.n ?? -1;
}

function probe(url = cluster.url(), overrides: Parameters<typeof postgresSpec>[1] = {}): PostgresProbe {
  const created = new PostgresProbe(postgresSpec(`${url}${url.includes('?') ? '&' : '?'}sslmode=disable`, overrides));
  probes.push(created);
  return created;
}

async function occupy(count: number): Promise<pg.Client[]> {
  const opened = await Promise.all(Array.from({ length: count }, () => openSession(cluster.url())));
  sessions.push(...opened);
  return opened;
}

describe('PostgresProbe on its own cluster', () => {
  it('is down with "too many connections" when every slot is taken, and degraded above the ratio', async () => {
    const watcher = probe();
    const held = await occupy(5);
    expect(await runProbe(watcher)).toEqual({ status: 'down', reason: 'too many connections (53300)' });
    await held[0]?.end();
    await expect.poll(async () => (await runProbe(watcher)).status, { timeout: 10_000 }).toBe('degraded');
    const degraded = await runProbe(watcher);
    expect(degraded.reason).toBe('connections 5/5');
    expect(metricValue(degraded, 'guardia_postgres_max_connections')).toBe(5);
    expect(metricValue(degraded, 'guardia_postgres_connections')).toBe(5);
    await Promise.all(held.slice(1, 3).map((s) => s.end()));
    await expect.poll(async () => (await runProbe(watcher)).reason, { timeout: 10_000 }).toBe('primary, connections 3/5');
  });

  it('applies max_connections_ratio', async () => {
    await occupy(2);
    expect(await runProbe(probe(cluster.url(), { maxConnectionsRatio: 0.5 }))).toMatchObject({ status: 'degraded', reason: 'connections 3/5' });
    // The first probe keeps its connection: 4 of 5 in use is not more than 80 %.
    expect(await runProbe(probe(cluster.url(), { maxConnectionsRatio: 0.8 }))).toMatchObject({ status: 'up', reason: 'primary, connections 4/5' });
  });

  it('names an authentication failure without ever showing the password', async () => {
    const outcome = await runProbe(probe(cluster.url('postgres', 'app', WRONG)));
    expect(outcome).toEqual({ status: 'down', reason: 'password authentication failed for user "app"' });
    expect(JSON.stringify(outcome)).not.toContain(WRONG);
  });

  it('reads every statistic as a role without superuser rights', async () => {
    const outcome = await runProbe(probe(cluster.url('postgres', 'app', PASSWORD)));
    expect(outcome.status).toBe('up');
    expect(metricValue(outcome, 'guardia_postgres_max_connections')).toBe(5);
    expect(metricValue(outcome, 'guardia_postgres_database_size_bytes')).toBeGreaterThan(0);
    expect(outcome.metrics).toHaveLength(6);
    expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
  });

  it('is down while the server is stopped and reconnects once it is back', async () => {
    const watcher = probe();
    expect((await runProbe(watcher)).status).toBe('up');
    await cluster.stop();
    try {
      expect(await runProbe(watcher)).toEqual({ status: 'down', reason: `connect ECONNREFUSED 127.0.0.1:${cluster.port}` });
    } finally {
      await cluster.start();
    }
    expect(await runProbe(watcher)).toMatchObject({ status: 'up', reason: expect.stringMatching(/^primary, connections/) });
  });

  it('survives a crash-like stop of the server during the kept connection', async () => {
    const watcher = probe();
    expect((await runProbe(watcher)).status).toBe('up');
    await cluster.stop('immediate');
    await cluster.start();
    expect((await runProbe(watcher)).status).toBe('up');
  });
});
