import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from '../../../test/support/pg-cluster.js';
import { cli } from '../../../test/support/run-cli-capture.js';
import { tempDir, writeConfig } from '../../../test/support/temp-dir.js';

let cluster: PgCluster;
let dir: string;
let config: string;
const run = (...argv: string[]) => cli([...argv, '-c', config], { cwd: dir, env: {} });
const write = (file: string, sql: string) => writeFileSync(join(dir, 'db', file), sql);

/** `guardia migrate` end to end against a real cluster, with `migrations:` in the config. */
describe('guardia migrate status, up and new', () => {
  beforeAll(async () => {
    cluster = await PgCluster.create();
    await cluster.query('create database app');
    dir = tempDir('guardia-migrate-cli-');
    mkdirSync(join(dir, 'db'));
    config = writeConfig(
      dir,
      `project: app
environments:
  production:
    database: ${cluster.url('app')}
    migrations: { dir: db, table: app_migrations, lock_timeout: 2s, statement_timeout: 1m }
  staging: {}
`,
    );
  }, 120_000);
  afterAll(() => cluster?.destroy());

  it('creates numbered files, applies them with timing, and lists their state', async () => {
    const created = await run('migrate', 'new', 'production', 'create users');
    expect(created).toMatchObject({ code: 0, stdout: `created ${join(dir, 'db', '0001_create_users.sql')}\n` });
    write('0001_create_users.sql', 'CREATE TABLE users (id int PRIMARY KEY);');
    expect((await run('migrate', 'new', 'production', 'add_email')).code).toBe(0);
    expect(readdirSync(join(dir, 'db'))).toEqual(['0001_create_users.sql', '0002_add_email.sql']);
    write('0002_add_email.sql', 'ALTER TABLE users ADD COLUMN email text;');

    const pending = await run('migrate', 'status', 'production', '--json');
    expect(JSON.parse(pending.stdout).migrations.map((m: { state: string }) => m.state)).toEqual(['pending', 'pending']);

    const up = await run('migrate', 'up', 'production', '--to', '1');
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/^applied 0001_create_users\.sql in \d+ ms\n1 migration applied\n$/);
    expect((await run('migrate', 'up', 'production')).stdout).toMatch(/applied 0002_add_email\.sql/);
    expect(await cluster.query('select count(*)::int as n from app_migrations', 'app')).toEqual([{ n: 2 }]);

    const status = await run('migrate', 'status', 'production');
    expect(status.stdout).toMatch(/VERSION\s+STATE\s+APPLIED\s+FILE\n1\s+applied\s+\S+\s+0001_create_users\.sql\n2\s+applied/);
  });

  it('exits 1 naming an edited applied file', async () => {
    write('0001_create_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);');
    const result = await run('migrate', 'up', 'production');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/guardia: applied migration 0001_create_users\.sql was edited after it was applied/);
    write('0001_create_users.sql', 'CREATE TABLE users (id int PRIMARY KEY);');
  });

  it('exits 1 at once when another migration holds the lock', async () => {
    write('0003_more.sql', 'CREATE TABLE more (id int);');
    const holder = new pg.Client({ connectionString: cluster.url('app') });
    await holder.connect();
    try {
      const { rows } = await holder.query<{ key: string }>(
        `select ('x' || substr(encode(sha256('guardia-migrations:app_migrations'), 'hex'), 1, 16))::bit(64)::bigint::text as key`,
      );
      await holder.query('select pg_advisory_lock($1::bigint)', [rows[0]?.key]);
      const result = await run('migrate', 'up', 'production');
      expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/another migration holds the lock/) });
    } finally {
      await holder.end();
    }
  });

  it('needs a database and a known environment', async () => {
    expect(await run('migrate', 'status', 'staging')).toMatchObject({ code: 2, stderr: expect.stringMatching(/environment "staging" has no database/) });
    expect((await run('migrate', 'status', 'nowhere')).stderr).toMatch(/no environment "nowhere"/);
  });
});

describe('guardia migrate lint (no config needed)', () => {
  const lintDir = tempDir('guardia-migrate-lint-');
  mkdirSync(join(lintDir, 'ok'));
  writeFileSync(join(lintDir, 'ok', '0001_safe.sql'), "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN bio text;\n");
  writeFileSync(join(lintDir, 'ok', '0002_index.sql'), "-- guardia: no-transaction\nSET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY users_bio ON users (bio);\n");
  writeFileSync(join(lintDir, 'unsafe.sql'), "SET lock_timeout = '5s';\n\nCREATE INDEX users_email ON users (email);\n");
  writeFileSync(join(lintDir, 'broken.sql'), 'ALTER TABLE users ADD COLUM x int;\n');
  const lint = (...argv: string[]) => cli(['migrate', 'lint', ...argv], { cwd: lintDir, env: {} });

  it('exits 0 on clean files and directories', async () => {
    expect(await lint('ok')).toEqual({ code: 0, stdout: '2 files checked, no findings\n', stderr: '' });
  });

  it('exits 1 with file:line rule-id: message — safer: …', async () => {
    const result = await lint('ok', 'unsafe.sql');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^unsafe\.sql:3 create-index-not-concurrently: CREATE INDEX on users blocks writes .* — safer: CREATE INDEX CONCURRENTLY/);
    expect(result.stdout).toMatch(/1 blocking finding\n$/);
  });

  it('reports a parse error as a blocking finding, and --json', async () => {
    const result = await lint('broken.sql', '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ blocking: true, files: ['broken.sql'], findings: [{ file: 'broken.sql', line: 1, rule: 'parse-error' }] });
  });

  it('exits 2 for a path that does not exist', async () => {
    expect(await lint('nope.sql')).toMatchObject({ code: 2, stderr: 'guardia: nope.sql: no such file or directory\n' });
  });
});
