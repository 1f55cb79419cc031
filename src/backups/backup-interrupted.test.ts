import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from '../../test/support/pg-cluster.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { FakeClock } from '../clock/index.js';
import type { RepositoryConfig } from '../config/resolved-backup-config.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { createBackupService } from './create-backup-service.js';
import { fileRepository, testBackupsConfig, testConfig } from './internal/backup-test-kit.js';
import { createRepository } from './repository/create-repository.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const s3Credentials = { AWS_ACCESS_KEY_ID: 'guardia-test', AWS_SECRET_ACCESS_KEY: 'guardia-test' };

let cluster: PgCluster;

beforeAll(async () => {
  cluster = await PgCluster.create();
  await cluster.query('create database app');
  await cluster.query(`
    create table bookings (id bigserial primary key, guest text, nights int, data jsonb);
    insert into bookings (guest, nights, data) select 'guest ' || g, g % 14, jsonb_build_object('n', g, 'note', repeat('x', 40)) from generate_series(1, 300000) g;
    create table guests (id int primary key, name text);
    insert into guests select g, 'name ' || g from generate_series(1, 1000) g;
  `, 'app');
}, 120_000);
afterAll(() => cluster?.destroy());

/** Polls `check` until it holds: the child's progress is only visible through the store, the server and the disk. */
async function until(child: ChildProcess, stderr: () => string, check: () => Promise<boolean>, what: string): Promise<void> {
  for (const started = Date.now(); !(await check()); ) {
    if (child.exitCode !== null) throw new Error(`backup child exited before ${what}: ${stderr()}`);
    if (Date.now() - started > 60_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the backup child in its own process group; `kill()` is `kill -9` of guardia and the pg_dump it started. */
function startChild(args: { storePath: string; dataDir: string; databaseUrl: string; repositories: RepositoryConfig[] }) {
  const child = spawn(process.execPath, ['--import', './test/support/ts-register.mjs', 'test/support/backup-child.ts', JSON.stringify(args)], {
    cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...s3Credentials },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return {
    child,
    stderr: () => stderr,
    async kill() {
      process.kill(-child.pid!, 'SIGKILL');
      return exited;
    },
  };
}

async function runRow(store: Store) {
  return store.db.selectFrom('backup_runs').selectAll().executeTakeFirst();
}

/** A TCP endpoint that accepts connections and never answers: an S3 upload to it hangs. */
async function blackHole(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

function paths() {
  const dir = tempDir('guardia-killed-');
  return { storePath: join(dir, 'guardia.db'), dataDir: join(dir, 'data'), repositoryDir: join(dir, 'repo') };
}

describe('a backup killed with SIGKILL', () => {
  it('mid-dump: is marked interrupted on the next start, its staging folder removed, nothing listed, and the next backup runs', async () => {
    const { storePath, dataDir, repositoryDir } = paths();
    const store = await openSqliteStore(storePath);
    // pg_dump waits for this lock, so the child is reliably mid-dump when it is killed.
    const blocker = new pg.Client({ connectionString: cluster.url('app') });
    await blocker.connect();
    await blocker.query('begin; lock table bookings in access exclusive mode');
    const run = startChild({ storePath, dataDir, databaseUrl: cluster.url('app'), repositories: [fileRepository(repositoryDir)] });
    try {
      await until(run.child, run.stderr, async () => {
        const row = await runRow(store);
        const waiting = await cluster.query("select 1 from pg_locks l join pg_stat_activity a using (pid) where not l.granted and a.application_name = 'pg_dump'", 'app');
        return row?.status === 'running' && (row.progress ?? '').includes('"phase":"dump"') && waiting.length > 0;
      }, 'pg_dump to start');
      expect(existsSync(join(dataDir, 'backups-staging', (await runRow(store))!.id))).toBe(true);
      expect(await run.kill()).toBe('SIGKILL');
    } finally {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
    }

    const service = createBackupService({
      config: testConfig(testBackupsConfig(cluster.url('app'), [fileRepository(repositoryDir)])),
      db: store.db, clock: new FakeClock(Date.UTC(2026, 10, 22, 3)), dataDir, guardiaVersion: 'test',
    });
    expect(await service.running()).toHaveLength(1);
    expect(await service.recoverInterrupted()).toBe(1);
    expect(await runRow(store)).toMatchObject({
      status: 'interrupted', error: expect.stringMatching(/^interrupted: \d+@\S+ \(backup production\/app \S+\) stopped before the backup finished$/),
    });
    expect(readdirSync(join(dataDir, 'backups-staging'))).toEqual([]);
    expect(await service.list('production')).toEqual([]);
    expect(await service.running()).toEqual([]);

    // The dead run's lock does not stand in the way of the next backup.
    const [next] = await service.run('production');
    expect(next?.status).toBe('unverified');
    await store.close();
  }, 120_000);

  it('mid-upload: the partial backup folder is removed from the repositories on the next start', async () => {
    const { storePath, dataDir, repositoryDir } = paths();
    const store = await openSqliteStore(storePath);
    const hole = await blackHole();
    const stalled: RepositoryConfig = { kind: 's3', bucket: 'backups', prefix: '', region: 'us-east-1', endpoint: hole.endpoint, pathStyle: true, checksums: 'when_required', display: 's3://backups' };
    const repositories = [fileRepository(repositoryDir), stalled];
    const run = startChild({ storePath, dataDir, databaseUrl: cluster.url('app'), repositories });
    let id = '';
    try {
      // Each file goes to the directory first, then hangs on its way to the unanswering S3 endpoint.
      await until(run.child, run.stderr, async () => {
        id = (await runRow(store))?.id ?? '';
        const folder = join(repositoryDir, 'production', 'app', id, 'dump');
        return id !== '' && existsSync(folder) && readdirSync(folder).length > 0;
      }, 'the first upload');
      expect(await run.kill()).toBe('SIGKILL');
    } finally {
      await hole.close();
    }

    Object.assign(process.env, s3Credentials);
    const service = createBackupService({
      config: testConfig(testBackupsConfig(cluster.url('app'), repositories)),
      db: store.db, clock: new FakeClock(Date.UTC(2026, 10, 22, 3)), dataDir, guardiaVersion: 'test',
      tools: { createRepository: (config) => createRepository(config, { retry: { attempts: 1, baseDelayMs: 1 } }) },
    });
    expect(await service.recoverInterrupted()).toBe(1);
    expect(existsSync(join(repositoryDir, 'production', 'app', id))).toBe(false);
    expect(readdirSync(join(dataDir, 'backups-staging'))).toEqual([]);
    expect(await runRow(store)).toMatchObject({ id, status: 'interrupted' });
    await store.close();
  }, 120_000);
});
