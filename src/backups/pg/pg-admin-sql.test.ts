import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster, freePort } from '../../../test/support/pg-cluster.js';
import { BackupFailedError, UnavailableError } from '../../errors.js';
import { createPgAdmin } from './pg-admin-sql.js';

const admin = createPgAdmin();
let cluster: PgCluster;

beforeAll(async () => {
  cluster = await PgCluster.create();
  await cluster.query('create database app');
  await cluster.query(`
    create extension hstore;
    create table plain (id int primary key);
    insert into plain select generate_series(1, 5);
    create table events (id int, at date not null) partition by range (at);
    create table events_2025 partition of events for values from ('2025-01-01') to ('2026-01-01');
    create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01');
    insert into events values (1, '2025-03-01'), (2, '2026-03-01'), (3, '2026-04-01');
    create unlogged table cache (k text);
    insert into cache values ('a');
    create schema audit;
    create table audit.log_2025 (line text);
    insert into audit.log_2025 values ('x');
    create table "Reservas Año" (id int);
    insert into "Reservas Año" values (1), (2);
  `, 'app');
});

afterAll(() => cluster?.destroy());

describe('createPgAdmin', () => {
  it('reads the server version', async () => {
    expect(await admin.serverVersion(cluster.url('app'))).toBeGreaterThanOrEqual(150000);
  });

  it('counts leaf tables in the exported snapshot, skipping excluded ones, while the dump runs', async () => {
    const { result, tables } = await admin.withSnapshot(cluster.url('app'), ['audit.log_*'], async (snapshot) => {
      // Rows committed after the snapshot was exported are invisible to both the dump and the counts.
      await cluster.query('insert into plain values (100)', 'app');
      return snapshot;
    });
    expect(result).toMatch(/^[0-9A-F]+-[0-9A-F]+-\d+$/);
    expect(tables).toEqual([
      { schema: 'public', name: 'Reservas Año', rows: 2 },
      { schema: 'public', name: 'cache', rows: 1 },
      { schema: 'public', name: 'events_2025', rows: 1 },
      { schema: 'public', name: 'events_2026', rows: 2 },
      { schema: 'public', name: 'plain', rows: 5 },
    ]);
    await cluster.query('delete from plain where id = 100', 'app');
  });

  it('matches quoted, mixed-case patterns the way pg_dump does', async () => {
    const { tables } = await admin.withSnapshot(cluster.url('app'), ['"Reservas Año"', 'CACHE', 'events_*'], async () => undefined);
    expect(tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['audit.log_2025', 'public.plain']);
  });

  it('passes the dump failure through once counting is done', async () => {
    const failure = new BackupFailedError('pg_dump failed');
    await expect(admin.withSnapshot(cluster.url('app'), [], () => Promise.reject(failure))).rejects.toBe(failure);
  });

  it('creates, inspects and drops databases', async () => {
    const url = admin.withDatabase(cluster.url('app'), 'scratch one');
    expect(await admin.inspect(url)).toBeUndefined();
    await admin.createDatabase(url, 'scratch one');
    expect(await admin.inspect(url)).toMatchObject({ empty: true });
    await cluster.query('create table t (id int)', 'scratch one');
    const inspected = await admin.inspect(url);
    expect(inspected?.empty).toBe(false);
    expect(inspected?.sizeBytes).toBeGreaterThan(1_000_000);
    await admin.dropDatabase(url, 'scratch one');
    await admin.dropDatabase(url, 'scratch one');
    expect(await admin.inspect(url)).toBeUndefined();
  });

  it('counts the rows of the tables that exist', async () => {
    const counted = await admin.countRows(cluster.url('app'), [
      { schema: 'public', name: 'plain' },
      { schema: 'public', name: 'gone' },
      { schema: 'public', name: 'Reservas Año' },
    ]);
    expect(counted).toEqual([
      { schema: 'public', name: 'plain', rows: 5 },
      { schema: 'public', name: 'Reservas Año', rows: 2 },
    ]);
  });

  it('checks every btree index with amcheck', async () => {
    const result = await admin.amcheck(cluster.url('app'));
    expect(result).toMatchObject({ failures: [] });
    expect('indexes' in result && result.indexes).toBeGreaterThan(0);
  });

  it('judges SQL assertions by their single boolean row', async () => {
    const results = await admin.assert(cluster.url('app'), ['select count(*) = 5 from plain', 'select false', 'select true from plain', 'select nope', 'delete from plain returning true']);
    expect(results.map((r) => [r.passed, r.detail])).toEqual([
      [true, 'returned true'],
      [false, 'returned false'],
      [false, 'returned 5 rows, expected one'],
      [false, 'column "nope" does not exist'],
      [false, 'cannot execute DELETE in a read-only transaction'],
    ]);
  });

  it('reports an unreachable server as unavailable without the password', async () => {
    const url = `postgresql://postgres:hunter22@127.0.0.1:${await freePort()}/app`; // guardia:allow-secret
    const error = await admin.serverVersion(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toMatch(/^cannot connect to postgres:\/\/postgres@127\.0\.0\.1:\d+\/app: .*ECONNREFUSED/);
    expect((error as Error).message).not.toContain('hunter22');
  });
});
