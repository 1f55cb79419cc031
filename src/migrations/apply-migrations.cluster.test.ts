import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PgCluster } from '../../test/support/pg-cluster.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { FakeClock } from '../clock/index.js';
import { LockedError, MigrationError } from '../errors.js';
import { migrationLockKey } from './internal/advisory-lock.js';
import { applyMigrations, migrationStatus, pendingMigrations } from './index.js';

let cluster: PgCluster;
let url: string;
let dir: string;
let database = 0;
const clock = new FakeClock();

function write(file: string, sql: string): void {
  writeFileSync(join(dir, file), sql);
}

/** Migrations of the app database against a real cluster: one fresh database and directory per test. */
describe('applyMigrations against a real cluster', () => {
  beforeAll(async () => {
    cluster = await PgCluster.create();
  }, 120_000);
  afterAll(() => cluster?.destroy());
  beforeEach(async () => {
    database++;
    await cluster.query(`create database app${database}`);
    url = cluster.url(`app${database}`);
    dir = tempDir('guardia-migrations-');
  });

  it('applies pending files in version order, records them, and reports status', async () => {
    write('0001_users.sql', 'CREATE TABLE users (id int PRIMARY KEY, email text);');
    write('0005_orders.sql', 'CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);');
    expect((await pendingMigrations(url, dir)).map((m) => m.version)).toEqual([1, 5]);

    const { applied } = await applyMigrations(url, dir, { clock });
    expect(applied.map((m) => m.file)).toEqual(['0001_users.sql', '0005_orders.sql']);
    const history = await cluster.query(`select version, name, length(sha256) as len from guardia_schema_migrations order by version`, `app${database}`);
    expect(history).toEqual([
      { version: '1', name: 'users', len: 64 },
      { version: '5', name: 'orders', len: 64 },
    ]);

    write('0006_notes.sql', 'CREATE TABLE notes (id int);');
    expect((await migrationStatus(url, dir)).map((m) => [m.file, m.state])).toEqual([
      ['0001_users.sql', 'applied'],
      ['0005_orders.sql', 'applied'],
      ['0006_notes.sql', 'pending'],
    ]);
    expect((await applyMigrations(url, dir, { clock })).applied.map((m) => m.version)).toEqual([6]);
    expect((await applyMigrations(url, dir, { clock })).applied).toEqual([]);
  });

  it('stops at --to', async () => {
    write('0001_a.sql', 'CREATE TABLE a (id int);');
    write('0002_b.sql', 'CREATE TABLE b (id int);');
    expect((await applyMigrations(url, dir, { clock, to: 1 })).applied.map((m) => m.version)).toEqual([1]);
    expect((await pendingMigrations(url, dir)).map((m) => m.version)).toEqual([2]);
  });

  it('refuses to run when an applied file was edited, naming it', async () => {
    write('0001_users.sql', 'CREATE TABLE users (id int);');
    await applyMigrations(url, dir, { clock });
    appendFileSync(join(dir, '0001_users.sql'), '\nALTER TABLE users ADD COLUMN email text;');
    write('0002_more.sql', 'CREATE TABLE more (id int);');
    await expect(applyMigrations(url, dir, { clock })).rejects.toThrow(/0001_users\.sql was edited after it was applied/);
    expect((await migrationStatus(url, dir)).map((m) => m.state)).toEqual(['changed', 'pending']);
  });

  it('fails fast when another session holds the advisory lock', async () => {
    write('0001_users.sql', 'CREATE TABLE users (id int);');
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1::bigint)', [migrationLockKey('guardia_schema_migrations')]);
      const error = await applyMigrations(url, dir, { clock }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LockedError);
      expect((error as Error).message).toMatch(/another migration holds the lock/);
    } finally {
      await holder.end();
    }
    expect((await applyMigrations(url, dir, { clock })).applied).toHaveLength(1);
  });

  it('runs a no-transaction file statement by statement, so CREATE INDEX CONCURRENTLY works', async () => {
    write('0001_users.sql', 'CREATE TABLE users (id int, email text);');
    write('0002_index.sql', '-- guardia: no-transaction\nCREATE INDEX CONCURRENTLY users_email ON users (email);\nCREATE INDEX CONCURRENTLY users_id ON users (id);');
    expect((await applyMigrations(url, dir, { clock })).applied).toHaveLength(2);
    const indexes = await cluster.query(`select indexname from pg_indexes where tablename = 'users' order by 1`, `app${database}`);
    expect(indexes.map((r) => r.indexname)).toEqual(['users_email', 'users_id']);
  });

  it('rolls back a failing transactional file and leaves the history unchanged', async () => {
    write('0001_users.sql', 'CREATE TABLE users (id int);');
    write('0002_broken.sql', 'CREATE TABLE half (id int);\nINSERT INTO missing_table VALUES (1);');
    const error = await applyMigrations(url, dir, { clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/0002_broken\.sql failed and was rolled back: relation "missing_table" does not exist/);
    const tables = await cluster.query(`select to_regclass('half') is null as gone`, `app${database}`);
    expect(tables).toEqual([{ gone: true }]);
    expect((await migrationStatus(url, dir)).map((m) => [m.version, m.state])).toEqual([
      [1, 'applied'],
      [2, 'pending'],
    ]);
  });

  it('sets lock_timeout and statement_timeout before each file', async () => {
    write('0001_settings.sql', "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement;");
    await applyMigrations(url, dir, { clock, lockTimeoutMs: 2_000, statementTimeoutMs: 60_000 });
    expect(await cluster.query('select lock, statement from seen', `app${database}`)).toEqual([{ lock: '2s', statement: '1min' }]);
  });

  it('rejects two files with the same version', async () => {
    write('0001_a.sql', 'SELECT 1;');
    write('001_b.sql', 'SELECT 1;');
    await expect(applyMigrations(url, dir, { clock })).rejects.toThrow(/0001_a\.sql and 001_b\.sql have the same version 1/);
  });
});
