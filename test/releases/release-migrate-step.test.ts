import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from '../support/pg-cluster.js';
import { cli } from '../support/run-cli-capture.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

interface Listed {
  status: string;
  reason: string | null;
  config: { overrideLint?: string };
  steps: { kind: string; status: string; output: string[]; error?: string }[];
}

const CREATE = 'create table items (id int primary key, name text);\ncreate index items_name on items (name);\n';
// An index on a table an earlier migration created: blocks (no CONCURRENTLY, no lock_timeout).
const INDEX = 'create index items_id_name on items (id, name);\n';

let cluster: PgCluster;
let databases = 0;
beforeAll(async () => (cluster = await PgCluster.create()), 120_000);
afterAll(() => cluster?.destroy());

/** A project with a fresh database and `migrations/` holding `files`; environment `env` releases with `steps`. */
async function project(env: string, files: Record<string, string>, steps = '[ migrate, { run: "touch deployed", name: deploy } ]') {
  const database = `app_${++databases}`;
  await cluster.query(`create database ${database}`);
  const dir = tempDir('guardia-release-migrate-');
  mkdirSync(join(dir, 'migrations'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, 'migrations', name), sql);
  writeConfig(dir, `project: migrated\nenvironments:\n  ${env}:\n    database: "${cluster.url(database)}"\n    release:\n      steps: ${steps}\n`);
  const run = (...argv: string[]) => cli(argv, { cwd: dir, env: { PATH: process.env.PATH ?? '', GUARDIA_USER: 'ana', DATABASE_URL: cluster.url(database) } });
  const history = async () => (await cluster.query<{ version: number; name: string }>('select version, name from guardia_schema_migrations order by version', database)).map((r) => `${r.version} ${r.name}`);
  const latest = async () => (JSON.parse((await run('releases', env, '--json')).stdout) as { releases: Listed[] }).releases[0];
  return { dir, database, run, history, latest };
}

describe('release step migrate', () => {
  it('applies the pending migrations during the release; the history table and the record list them', async () => {
    const p = await project('production', { '0001_create_items.sql': CREATE });
    const result = await p.run('release', 'production', 'v1.0.0');
    expect(result.code, result.stderr).toBe(0);
    expect(await p.history()).toEqual(['1 create_items']);
    const record = await p.latest();
    expect(record?.steps[0]).toMatchObject({ kind: 'migrate', status: 'succeeded', output: ['applied 1 create_items'] });
    expect((await p.run('release', 'production', 'v1.0.1')).stdout).toContain('no pending migrations');
  });

  it('stops a production release on a blocking lint finding, before applying or deploying anything', async () => {
    const p = await project('production', { '0001_create_items.sql': CREATE });
    expect((await p.run('release', 'production', 'v1.0.0')).code).toBe(0);
    writeFileSync(join(p.dir, 'migrations', '0002_index_items.sql'), INDEX);
    const result = await p.run('release', 'production', 'v1.1.0');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('migration lint blocks the release to production');
    expect(result.stdout).toMatch(/0002_index_items\.sql:1/);
    expect(result.stdout).toContain('--override-lint REASON');
    expect(await p.history()).toEqual(['1 create_items']);
    expect((await p.latest())?.steps.map((s) => [s.kind, s.status])).toEqual([['migrate', 'failed']]);
  });

  it('goes past the finding with --override-lint, and the record keeps the reason', async () => {
    const p = await project('production', { '0001_create_items.sql': CREATE });
    expect((await p.run('release', 'production', 'v1.0.0')).code).toBe(0);
    writeFileSync(join(p.dir, 'migrations', '0002_index_items.sql'), INDEX);
    const result = await p.run('release', 'production', 'v1.1.0', '--override-lint', 'items has 12 rows');
    expect(result.code, result.stdout).toBe(0);
    expect(await p.history()).toEqual(['1 create_items', '2 index_items']);
    const record = await p.latest();
    expect(record).toMatchObject({ status: 'succeeded', reason: 'migration lint overridden: items has 12 rows', config: { overrideLint: 'items has 12 rows' } });
    expect(record?.steps[0]?.output.slice(0, 2)).toEqual(['applied 2 index_items', expect.stringMatching(/^lint overridden \(\d+ findings\): items has 12 rows$/)]);
  });

  it('applies with lint warnings in an environment that is not production-tier', async () => {
    const p = await project('staging', { '0001_create_items.sql': CREATE });
    expect((await p.run('release', 'staging', 'v1.0.0')).code).toBe(0);
    writeFileSync(join(p.dir, 'migrations', '0002_index_items.sql'), INDEX);
    const result = await p.run('release', 'staging', 'v1.1.0');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/lint warnings \(\d+; they would block a release to a production environment\)/);
    expect(await p.history()).toEqual(['1 create_items', '2 index_items']);
  });

  it('runs an external migrator as a run step with the environment of guardia', async () => {
    const p = await project('production', {}, '[ { run: \'psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f external/001.sql\', name: external-migrator } ]');
    mkdirSync(join(p.dir, 'external'));
    writeFileSync(join(p.dir, 'external', '001.sql'), "create table orders (id int primary key);\ninsert into orders values (1);\n");
    const result = await p.run('release', 'production', 'v1.0.0');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('[production external-migrator] INSERT 0 1');
    expect(await cluster.query('select id from orders', p.database)).toEqual([{ id: 1 }]);
  });
});
