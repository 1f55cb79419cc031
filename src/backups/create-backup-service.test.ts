import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, PgCluster } from '../../test/support/pg-cluster.js';
import { fakePgVersionDir } from '../../test/support/fake-pg-version.js';
import { startS3Server, type S3Server } from '../../test/support/s3-server.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { FakeClock } from '../clock/index.js';
import { EventBus, type GuardiaEvents } from '../events/index.js';
import type { BackupsConfig, RepositoryConfig } from '../config/resolved-backup-config.js';
import { BackupFailedError, ClientToolError, LockedError, RepositoryError } from '../errors.js';
import { createStoreLocks } from '../locks/index.js';
import { openMemoryStore, type Store } from '../store/index.js';
import { createBackupService, type BackupServiceDeps } from './create-backup-service.js';
import { fileRepository, testBackupsConfig, testConfig } from './internal/backup-test-kit.js';
import type { BackupManifest } from './manifest.js';
import { createPgTools } from './pg/pg-tools-cli.js';
import { createRepository } from './repository/create-repository.js';

let cluster: PgCluster;
let store: Store;
let dataDir: string;
let clock: FakeClock;

beforeAll(async () => {
  cluster = await PgCluster.create();
  await cluster.query('create database app');
  await cluster.query(`
    create table customers (id serial primary key, name text not null, tags text[]);
    insert into customers (name, tags) select 'customer ' || g, array['a', 'b'] from generate_series(1, 5000) g;
    create table bookings (id bigserial primary key, customer_id int references customers, data jsonb);
    insert into bookings (customer_id, data) select 1 + g % 5000, jsonb_build_object('n', g) from generate_series(1, 20000) g;
    create schema "Reservas Año";
    create table "Reservas Año"."Mixed Case" (id int);
    insert into "Reservas Año"."Mixed Case" values (1), (2), (3);
  `, 'app');
}, 120_000);
afterAll(() => cluster?.destroy());

beforeEach(async () => {
  store = await openMemoryStore();
  dataDir = tempDir('guardia-backup-data-');
  clock = new FakeClock(Date.UTC(2026, 10, 22, 2));
});
afterEach(() => store.close());

function service(backups: BackupsConfig, extra: Partial<BackupServiceDeps> = {}) {
  return createBackupService({ config: testConfig(backups), db: store.db, clock, dataDir, guardiaVersion: '0.1.0-test', ...extra });
}

/** Regular files under `dir` (none when it does not exist). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function readManifest(repoDir: string, id: string): BackupManifest {
  return JSON.parse(readFileSync(join(repoDir, 'production', 'app', id, 'manifest.json'), 'utf8')) as BackupManifest;
}

describe('backup run', () => {
  it('stores every file in every repository with the sha256 the manifest lists, and row counts of the snapshot', async () => {
    const [first, second] = [tempDir('guardia-repo-'), tempDir('guardia-repo-')];
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(first), fileRepository(second)], { globals: true }));
    const phases = new Set<string>();
    const [listing] = await backups.run('production', { onProgress: (p) => phases.add(p.phase) });

    expect(listing).toMatchObject({ environment: 'production', database: 'app', status: 'unverified', statusReason: 'not verified yet', repositories: [`file:${first}`, `file:${second}`] });
    expect(listing!.id).toMatch(/^20261122T020000Z-[0-9a-f]{4}$/);
    expect([...phases]).toEqual(expect.arrayContaining(['dump', 'globals', 'encode', 'upload', 'manifest']));
    for (const repoDir of [first, second]) {
      const manifest = readManifest(repoDir, listing!.id);
      expect(manifest).toMatchObject({ format: 1, id: listing!.id, serverVersion: expect.any(Number), compression: 'zstd', recipients: [], globals: true, guardiaVersion: '0.1.0-test' });
      const stored = readdirSync(join(repoDir, 'production', 'app', listing!.id), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name !== 'manifest.json')
        .map((e) => join(e.parentPath, e.name).slice(join(repoDir, 'production', 'app', listing!.id).length + 1))
        .sort();
      expect(manifest.files.map((f) => f.path).sort()).toEqual(stored);
      expect(stored).toEqual(expect.arrayContaining(['dump/toc.dat.zst', 'globals.sql.zst']));
      for (const file of manifest.files) {
        const path = join(repoDir, 'production', 'app', listing!.id, file.path);
        expect({ path: file.path, sha256: sha256(path), size: readFileSync(path).length }).toEqual({ path: file.path, sha256: file.sha256, size: file.size });
      }
      expect(manifest.storedBytes).toBe(manifest.files.reduce((sum, f) => sum + f.size, 0));
      expect(manifest.tables).toEqual(
        expect.arrayContaining([
          { schema: 'public', name: 'customers', rows: 5000 },
          { schema: 'public', name: 'bookings', rows: 20000 },
          { schema: 'Reservas Año', name: 'Mixed Case', rows: 3 },
        ]),
      );
    }
    expect(existsSync(join(dataDir, 'backups-staging', listing!.id))).toBe(false);
    expect(await backups.list('production')).toEqual([listing]);
    expect(await backups.running()).toEqual([]);
  }, 60_000);

  it('keeps two backups of one database from overlapping, naming the holder', async () => {
    const repo = tempDir('guardia-repo-');
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(repo)]));
    const results = await Promise.allSettled([backups.run('production'), backups.run('production')]);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused?.reason).toBeInstanceOf(LockedError);
    expect((refused?.reason as Error).message).toMatch(
      new RegExp(`^backup of production/app is locked by ${process.pid}@${hostname()} \\(backup production/app 20261122T020000Z-[0-9a-f]{4}\\) since 2026-11-22T02:00:00.000Z`),
    );
    expect(await backups.list('production')).toHaveLength(1);
  }, 60_000);

  it('refuses while another live process holds the lock, and takes over the lock of a dead one', async () => {
    const repo = tempDir('guardia-repo-');
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(repo)]));
    const locks = createStoreLocks(store.db, { clock });
    const live = `${process.ppid}@${hostname()} (backup production/app)`;
    await locks.tryAcquire('backup:production/app', live, 3_600_000);
    await expect(backups.run('production')).rejects.toThrow(`backup of production/app is locked by ${live} since`);

    const deadPid = spawnSync('true').pid!;
    await locks.release('backup:production/app', live);
    await locks.tryAcquire('backup:production/app', `${deadPid}@${hostname()} (backup production/app)`, 3_600_000);
    await expect(backups.run('production')).resolves.toHaveLength(1);
  }, 60_000);

  it('stops with exit 3 before writing anything when pg_dump is older than the server', async () => {
    const repo = tempDir('guardia-repo-');
    const pgTools = createPgTools({ env: { ...process.env, PATH: `${fakePgVersionDir('14.9')}:${process.env.PATH}` } });
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(repo)]), { tools: { pgTools } });
    const failure = await backups.run('production').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ClientToolError);
    expect((failure as ClientToolError).exitCode).toBe(3);
    expect((failure as Error).message).toMatch(/pg_dump 14\.9 is older than the server \(15\.\d+\)/);
    expect(filesUnder(repo)).toEqual([]);
    expect(filesUnder(dataDir)).toEqual([]);
  }, 60_000);
});

describe('abort and restore', () => {
  it('stops on abort, removes what it wrote and records the run as interrupted', async () => {
    const repo = tempDir('guardia-repo-');
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(repo)]));
    // pg_dump waits for this lock, so the abort lands mid-dump.
    const blocker = new pg.Client({ connectionString: cluster.url('app') });
    await blocker.connect();
    await blocker.query('begin; lock table bookings in access exclusive mode');
    const abort = new AbortController();
    const dumping = new Promise<void>((resolve) => {
      void backups.run('production', { signal: abort.signal, onProgress: (p) => p.phase === 'dump' && resolve() }).catch((error: unknown) => (failure = error));
    });
    let failure: unknown;
    await dumping;
    abort.abort();
    await blocker.query('rollback');
    await blocker.end();
    await expect.poll(() => failure, { timeout: 30_000 }).toBeInstanceOf(BackupFailedError);
    expect((failure as Error).message).toBe('backup of production/app was aborted; its partial files were removed');
    const [run] = await store.db.selectFrom('backup_runs').selectAll().execute();
    expect(run).toMatchObject({ status: 'interrupted', error: 'backup of production/app was aborted; its partial files were removed' });
    expect(filesUnder(dataDir)).toEqual([]);
    expect(filesUnder(repo)).toEqual([]);
    expect(await backups.list('production')).toEqual([]);
  }, 60_000);

  it('restores the latest backup into a new database with the same rows', async () => {
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(tempDir('guardia-repo-'))]));
    const [listing] = await backups.run('production');
    const report = await backups.restore('production', { latest: true }, { to: cluster.url('app_restored') });
    expect(report).toMatchObject({ backupId: listing!.id, created: true });
    expect(await cluster.query('select count(*)::int as n from bookings', 'app_restored')).toEqual([{ n: 20000 }]);
    expect(await store.db.selectFrom('backup_runs').select(['operation', 'status']).orderBy('operation').execute()).toEqual([
      { operation: 'backup', status: 'completed' }, { operation: 'restore', status: 'completed' },
    ]);
  }, 60_000);
});

describe('verification after a backup', () => {
  it('verifies an encrypted backup with the configured identity and publishes the outcome', async () => {
    const keyDir = tempDir('guardia-age-');
    const identityFile = join(keyDir, 'key.txt');
    execFileSync('age-keygen', ['-o', identityFile], { stdio: 'ignore' });
    const recipient = /public key: (age1\w+)/.exec(readFileSync(identityFile, 'utf8'))![1]!;
    const repo = tempDir('guardia-repo-');
    const events = new EventBus<GuardiaEvents>();
    const seen: string[] = [];
    for (const name of ['backup:started', 'backup:completed', 'backup:verified', 'backup:verify_failed'] as const) events.on(name, () => seen.push(name));
    const verify = { afterBackup: true, identityFile, sql: ['select count(*) = 20000 from bookings'], amcheck: true };
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(repo)], { encryptTo: [recipient], verify }), { events });

    const [listing] = await backups.run('production');
    expect(listing).toMatchObject({ encrypted: true, status: 'verified', rtoMs: expect.any(Number) });
    expect(seen).toEqual(['backup:started', 'backup:completed', 'backup:verified']);
    expect(readManifest(repo, listing!.id).files.every((f) => f.path.endsWith('.zst.age'))).toBe(true);
    const details = await backups.show('production', listing!.id);
    expect(details.verifications).toHaveLength(1);
    expect(details.restoreCommand).toBe(`guardia backup restore production --id ${listing!.id} --to DATABASE_URL --identity AGE_IDENTITY_FILE`);
  }, 120_000);

  it('keeps the backup but marks it failed when verification cannot run', async () => {
    const events = new EventBus<GuardiaEvents>();
    const failed: string[] = [];
    events.on('backup:verify_failed', (report) => failed.push(report.backupId));
    const verify = { afterBackup: true, server: `postgresql://postgres@127.0.0.1:${await freePort()}/postgres`, sql: [], amcheck: false };
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(tempDir('guardia-repo-'))], { verify }), { events });
    const [listing] = await backups.run('production');
    expect(listing).toMatchObject({ status: 'failed', statusReason: expect.stringMatching(/^verification failed: verify: /) });
    expect(failed).toEqual([listing!.id]);
  }, 60_000);

  it('leaves an encrypted backup unverified, saying why, when no identity is configured', async () => {
    const keyDir = tempDir('guardia-age-');
    execFileSync('age-keygen', ['-o', join(keyDir, 'key.txt')], { stdio: 'ignore' });
    const recipient = /public key: (age1\w+)/.exec(readFileSync(join(keyDir, 'key.txt'), 'utf8'))![1]!;
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(tempDir('guardia-repo-'))], { encryptTo: [recipient], verify: { afterBackup: true, sql: [], amcheck: false } }));
    const [listing] = await backups.run('production');
    expect(listing).toMatchObject({ status: 'unverified', statusReason: 'encrypted and no verify identity configured (backups.verify.identity)' });
  }, 60_000);
});

describe('backup to a repository that fails', () => {
  it('fails clearly when a repository cannot be written, removes what was uploaded and lists nothing', async () => {
    const good = tempDir('guardia-repo-');
    const blocker = join(tempDir('guardia-repo-'), 'a-file');
    writeFileSync(blocker, 'not a directory');
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(good), fileRepository(join(blocker, 'backups'))]));
    const failure = await backups.run('production').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RepositoryError);
    expect((failure as Error).message).toContain(join(blocker, 'backups'));
    expect(filesUnder(good)).toEqual([]);
    expect(await backups.list('production')).toEqual([]);
  }, 60_000);

  it('retries an unreachable S3 repository, then fails and lists nothing', async () => {
    // Credentials are read before connecting; these reach nothing.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
    const good = tempDir('guardia-repo-');
    const closed: RepositoryConfig = { kind: 's3', bucket: 'backups', prefix: '', region: 'us-east-1', endpoint: `http://127.0.0.1:${await freePort()}`, pathStyle: true, checksums: 'when_required', display: 's3://backups' };
    const backups = service(testBackupsConfig(cluster.url('app'), [fileRepository(good), closed]), {
      tools: { createRepository: (config) => createRepository(config, { retry: { attempts: 3, baseDelayMs: 1 } }) },
    });
    const failure = await backups.run('production').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RepositoryError);
    expect((failure as Error).message).toMatch(/^s3:\/\/backups unreachable after 3 attempts/);
    expect(await backups.list('production')).toEqual([]);
  }, 60_000);
});

describe('backup to S3', () => {
  let s3: S3Server;
  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
  }, 30_000);
  afterAll(() => s3?.stop());

  it('copies the backup to s3rver and a directory, both listing it', async () => {
    const dir = tempDir('guardia-repo-');
    const bucket: RepositoryConfig = { kind: 's3', bucket: s3.bucket, prefix: 'guardia', region: 'us-east-1', endpoint: s3.endpoint, pathStyle: true, checksums: 'when_required', display: `s3://${s3.bucket}/guardia` };
    const backups = service(testBackupsConfig(cluster.url('app'), [bucket, fileRepository(dir)]));
    const [listing] = await backups.run('production');
    expect(listing?.repositories).toEqual([`s3://${s3.bucket}/guardia`, `file:${dir}`]);
    const details = await backups.show('production', listing!.id);
    expect(details.manifest).toEqual(readManifest(dir, listing!.id));
    expect(details.restoreCommand).toBe(`guardia backup restore production --id ${listing!.id} --to DATABASE_URL`);
  }, 60_000);
});
