import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from '../../../test/support/pg-cluster.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { BackupFailedError } from '../../errors.js';
import { createPgTools } from './pg-tools-cli.js';

let cluster: PgCluster;
let work: string;
const env = { ...process.env };
delete env.PG_BINDIR;
const tools = createPgTools({ env });

beforeAll(async () => {
  // app signs in with its password, so a URL's password must reach pg_dump (in PGPASSWORD).
  cluster = await PgCluster.create({ hba: ['host all app 127.0.0.1/32 scram-sha-256'] });
  work = tempDir('guardia-pgtools-');
  await cluster.query(`CREATE ROLE app LOGIN PASSWORD 'app-secret'; CREATE ROLE viewer LOGIN`);
  await cluster.query('CREATE DATABASE shop OWNER app');
  await cluster.query(
    `SET ROLE app;
     CREATE TABLE items (id int PRIMARY KEY, name text);
     INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 500) g;
     CREATE TABLE orders (id int PRIMARY KEY, item int REFERENCES items, qty int);
     INSERT INTO orders SELECT g, 1 + g % 500, g % 7 FROM generate_series(1, 2000) g;
     CREATE TABLE audit_log (at timestamptz DEFAULT now(), line text);
     INSERT INTO audit_log (line) SELECT 'event ' || g FROM generate_series(1, 100) g;
     GRANT SELECT ON items TO viewer;`,
    'shop',
  );
});

afterAll(() => cluster.destroy());

function names(tables: { schema: string; name: string }[]): string[] {
  return tables.map((t) => `${t.schema}.${t.name}`).sort();
}

describe('createPgTools against a real server', () => {
  it('dumps in parallel, reports each table, and restores it with owners and grants', async () => {
    const dir = join(work, 'dump');
    const dumped: { schema: string; name: string }[] = [];
    await tools.dump({ url: cluster.url('shop'), dir, jobs: 2, uncompressed: true, excludeTableData: ['public.audit_log'], onTable: (t) => dumped.push(t) });
    expect(names(dumped)).toEqual(['public.items', 'public.orders']);
    expect(existsSync(join(dir, 'toc.dat'))).toBe(true);

    await cluster.query('CREATE DATABASE shop_copy');
    const restored: { schema: string; name: string }[] = [];
    await tools.restore({ url: cluster.url('shop_copy'), dir, jobs: 2, onTable: (t) => restored.push(t) });
    expect(names(restored)).toEqual(['public.items', 'public.orders']);
    const rows = await cluster.query<{ items: string; orders: string; audit: string; owner: string; viewer: boolean }>(
      `SELECT (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM audit_log) AS audit,
              (SELECT tableowner FROM pg_tables WHERE tablename = 'items') AS owner, has_table_privilege('viewer', 'items', 'SELECT') AS viewer`,
      'shop_copy',
    );
    expect(rows[0]).toEqual({ items: '500', orders: '2000', audit: '0', owner: 'app', viewer: true });
  });

  it('restores only the tables asked for', async () => {
    const dir = join(work, 'dump-tables');
    await tools.dump({ url: cluster.url('shop'), dir, jobs: 1, uncompressed: false, excludeTableData: [] });
    await cluster.query('CREATE DATABASE shop_items');
    await tools.restore({ url: cluster.url('shop_items'), dir, jobs: 1, tables: ['public.items'] });
    const tables = await cluster.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`, 'shop_items');
    expect(tables.map((t) => t.tablename)).toEqual(['items']);
  });

  it('dumps globals, and without role passwords where pg_authid cannot be read', async () => {
    const file = join(work, 'globals.sql');
    await expect(tools.dumpGlobals({ url: cluster.url(), file })).resolves.toEqual({ rolePasswords: true });
    expect(readFileSync(file, 'utf8')).toMatch(/CREATE ROLE app;[\s\S]*ALTER ROLE app WITH .*PASSWORD 'SCRAM-SHA-256/);

    const limited = join(work, 'globals-limited.sql');
    await expect(tools.dumpGlobals({ url: cluster.url('postgres', 'viewer'), file: limited })).resolves.toEqual({ rolePasswords: false });
    const text = readFileSync(limited, 'utf8');
    expect(text).toContain('CREATE ROLE app;');
    expect(text).not.toContain('PASSWORD');
  });

  it('signs in with the URL\'s password without showing it', async () => {
    const dir = join(work, 'dump-as-app');
    await tools.dump({ url: cluster.url('shop', 'app', 'app-secret'), dir, jobs: 1, uncompressed: true, excludeTableData: [] });
    expect(existsSync(join(dir, 'toc.dat'))).toBe(true);
    const wrong = tools.dump({ url: cluster.url('shop', 'app', 'not-the-secret'), dir: join(work, 'never-app'), jobs: 1, uncompressed: true, excludeTableData: [] });
    await expect(wrong).rejects.toThrow(/password authentication failed for user "app"/);
    await expect(wrong).rejects.not.toThrow(/not-the-secret/);
  });

  it('fails with pg_dump\'s own error and no password', async () => {
    const dump = tools.dump({ url: cluster.url('no_such_db', 'app', 'app-secret'), dir: join(work, 'never'), jobs: 1, uncompressed: true, excludeTableData: [] });
    await expect(dump).rejects.toThrow(BackupFailedError);
    const error = (await dump.catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^pg_dump failed \(exit 1\): .*database "no_such_db" does not exist/s);
    expect(error.message).not.toContain('app-secret');
  });

  it('fails a restore on the first error', async () => {
    const dir = join(work, 'dump-again');
    await tools.dump({ url: cluster.url('shop'), dir, jobs: 1, uncompressed: true, excludeTableData: [] });
    await expect(tools.restore({ url: cluster.url('shop'), dir, jobs: 2 })).rejects.toThrow(/^pg_restore failed \(exit 1\): .*already exists/s);
  });

  it('kills pg_dump when aborted', async () => {
    // A lock pg_dump must wait for keeps it running until the abort.
    const blocker = new pg.Client({ connectionString: cluster.url('shop') });
    await blocker.connect();
    try {
      await blocker.query('BEGIN; LOCK TABLE orders IN ACCESS EXCLUSIVE MODE');
      const controller = new AbortController();
      const dump = tools.dump({ url: cluster.url('shop'), dir: join(work, 'aborted'), jobs: 2, uncompressed: true, excludeTableData: [], signal: controller.signal });
      await waitFor(async () => (await dumpSessions()) > 0);
      controller.abort(new Error('backup cancelled'));
      await expect(dump).rejects.toThrow('backup cancelled');
      await waitFor(async () => (await dumpSessions()) === 0);
    } finally {
      await blocker.end();
    }
  });
});

async function dumpSessions(): Promise<number> {
  const rows = await cluster.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'pg_dump'`);
  return Number(rows[0]?.n ?? 0);
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met in 10 s');
}

describe('copyInCommand', () => {
  const tools = createPgTools({ env: { PATH: process.env.PATH ?? '' } });
  const commands = (copy: string) => {
    const { args } = tools.copyInCommand('postgres://app:pw@db.example.com/shop', ["SET client_encoding = 'UTF8';"], copy);
    return args.flatMap((arg, i) => (args[i - 1] === '--command' ? [arg] : []));
  };

  it('empties the table and copies with FREEZE in one transaction, the password kept off the command line', () => {
    const { args, env } = tools.copyInCommand('postgres://app:pw@db.example.com/shop', [], 'COPY public."Mixed Ü" (x, "y z") FROM stdin;');
    expect(args).toContain('--single-transaction');
    expect(args.join(' ')).not.toContain('pw');
    expect(env.PGPASSWORD).toBe('pw');
    expect(commands('COPY public."Mixed Ü" (x, "y z") FROM stdin;')).toEqual([
      "SET client_encoding = 'UTF8';",
      'TRUNCATE ONLY public."Mixed Ü"',
      'COPY public."Mixed Ü" (x, "y z") FROM stdin WITH (FREEZE);',
    ]);
    expect(commands('COPY "we""ird"."a.b (c" (x) FROM stdin;')).toContain('TRUNCATE ONLY "we""ird"."a.b (c"');
  });

  it('keeps a COPY of an unexpected shape as it is', () => {
    expect(commands('COPY t FROM stdin;')).toEqual(["SET client_encoding = 'UTF8';", 'COPY t FROM stdin;']);
  });
});
