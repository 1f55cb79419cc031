import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, tcpServer } from '../internal/probe-test-kit.js';
import { countingClients, createTestDatabase, metricValue, openSession, postgresSpec, runProbe } from '../internal/pg-test-kit.js';
import type { TestDatabase } from '../internal/pg-test-kit.js';
import { PostgresProbe } from './postgres-probe.js';

let db: TestDatabase;
const probes: PostgresProbe[] = [];
const sessions: pg.Client[] = [];

beforeAll(async () => {
  db = await createTestDatabase('guardia_pgprobe');
  await db.query('create table bookings (id int primary key, status text)');
});

afterEach(async () => {
  await Promise.all(probes.splice(0).map((p) => p.close()));
  await Promise.all(sessions.splice(0).map((s) => s.end().catch(() => undefined)));
});

afterAll(() => db?.drop());

function probe(url = db.url, overrides: Parameters<typeof postgresSpec>[1] = {}, deps = {}): PostgresProbe {
  const created = new PostgresProbe(postgresSpec(url, overrides), deps);
  probes.push(created);
  return created;
}

async function session(): Promise<pg.Client> {
  const client = await openSession(db.url);
  sessions.push(client);
  return client;
}

describe('PostgresProbe against a running server', () => {
  it('is up with server statistics as series', async () => {
    const [settings] = await db.query<{ max: string }>(`select current_setting('max_connections') as max`);
    const outcome = await runProbe(probe());
    expect(outcome.status).toBe('up');
    expect(outcome.reason).toMatch(new RegExp(`^primary, connections \\d+/${settings?.max}$`));
    expect(metricValue(outcome, 'guardia_postgres_max_connections')).toBe(Number(settings?.max));
    expect(metricValue(outcome, 'guardia_postgres_connections')).toBeGreaterThanOrEqual(1);
    expect(metricValue(outcome, 'guardia_postgres_database_size_bytes')).toBeGreaterThan(1_000_000);
    expect(metricValue(outcome, 'guardia_postgres_in_recovery')).toBe(0);
    expect(metricValue(outcome, 'guardia_postgres_replication_lag_seconds')).toBeUndefined();
    expect(metricValue(outcome, 'guardia_postgres_oldest_transaction_seconds')).toBeGreaterThanOrEqual(0);
    expect(metricValue(outcome, 'guardia_postgres_locks_waiting')).toBeGreaterThanOrEqual(0);
    for (const metric of outcome.metrics ?? []) {
      expect(metric).toMatchObject({ type: 'gauge', name: expect.stringMatching(/^guardia_postgres_[a-z_]+$/) });
      expect(metric.labels).toBeUndefined();
    }
  });

  it('only connects and selects 1 without stats', async () => {
    expect(await runProbe(probe(db.url, { stats: false }))).toEqual({ status: 'up', reason: 'connected' });
  });

  it('counts a lock request that waits for another session', async () => {
    const holder = await session();
    const waiter = await session();
    await holder.query('begin');
    await holder.query('lock table bookings in access exclusive mode');
    const waiting = waiter.query('select count(*) from bookings');
    const watcher = probe();
    await expect.poll(async () => metricValue(await runProbe(watcher), 'guardia_postgres_locks_waiting'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await holder.query('rollback');
    await waiting;
  });

  it('reports the age of the oldest open transaction, growing while it stays open', async () => {
    const open = await session();
    await open.query('begin');
    await open.query('select txid_current()');
    const watcher = probe();
    const age = async () => metricValue(await runProbe(watcher), 'guardia_postgres_oldest_transaction_seconds') ?? -1;
    await expect.poll(age, { timeout: 10_000, interval: 200 }).toBeGreaterThan(0.3);
    const first = await age();
    await expect.poll(age, { timeout: 10_000, interval: 200 }).toBeGreaterThan(first);
    await open.query('rollback');
  });

  it('keeps one connection between runs and closes it on close()', async () => {
    const clients = countingClients();
    const name = `guardia_pool_${process.pid}`;
    const kept = probe(`${db.url}?sslmode=disable&application_name=${name}`, {}, { createClient: clients.createClient });
    for (let i = 0; i < 3; i++) expect((await runProbe(kept)).status).toBe('up');
    expect(clients.opened()).toBe(1);
    const count = async () => (await db.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = '${name}'`))[0]?.n;
    expect(await count()).toBe(1);
    await kept.close();
    await expect.poll(count).toBe(0);
  });

  it('reconnects within the run when the kept connection was killed', async () => {
    const clients = countingClients();
    const name = `guardia_kill_${process.pid}`;
    const kept = probe(`${db.url}?sslmode=disable&application_name=${name}`, {}, { createClient: clients.createClient });
    expect((await runProbe(kept)).status).toBe('up');
    await db.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = '${name}'`);
    expect((await runProbe(kept)).status).toBe('up');
    expect(clients.opened()).toBe(2);
  });

  it('is down with the socket error when nothing listens', async () => {
    const port = await closedPort();
    expect(await runProbe(probe(`postgresql://postgres@127.0.0.1:${port}/postgres`))).toEqual({
      status: 'down',
      reason: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it('is down with the server message for a database that does not exist', async () => {
    expect(await runProbe(probe('postgresql://postgres@127.0.0.1:5432/guardia_no_such_db'))).toEqual({
      status: 'down',
      reason: 'database "guardia_no_such_db" does not exist',
    });
  });

  it('honours sslmode from the URL: prefer and disable connect to a server without TLS, require does not', async () => {
    expect((await runProbe(probe(`${db.url}?sslmode=prefer`))).status).toBe('up');
    expect((await runProbe(probe(`${db.url}?sslmode=disable`))).status).toBe('up');
    expect(await runProbe(probe(`${db.url}?sslmode=require`))).toEqual({ status: 'down', reason: 'The server does not support SSL connections' });
  });

  it('is down with the timeout when the server never answers, and drops the half-open connection', async () => {
    let dropped = false;
    // Reads what the client sends and never answers.
    const silent = await tcpServer((socket) => socket.resume().on('close', () => (dropped = true)));
    try {
      const hung = probe(`postgresql://postgres@127.0.0.1:${silent.port}/postgres?sslmode=disable`);
      expect(await runProbe(hung, 300)).toEqual({ status: 'down', reason: 'timed out after 300 ms' });
      await expect.poll(() => dropped).toBe(true);
    } finally {
      await silent.close();
    }
  });
});
