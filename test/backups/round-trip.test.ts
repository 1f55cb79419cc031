import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchiveCodec } from '../../src/backups/archive/create-archive-codec.js';
import type { BackupContext } from '../../src/backups/backup-context.js';
import type { Progress } from '../../src/backups/backup-service.js';
import { BackupRecords } from '../../src/backups/backup-records.js';
import { runBackup } from '../../src/backups/backup-runner.js';
import { runDrill } from '../../src/backups/drill/run-drill.js';
import type { BackupManifest } from '../../src/backups/manifest.js';
import { createPgAdmin } from '../../src/backups/pg/pg-admin-sql.js';
import { createPgTools } from '../../src/backups/pg/pg-tools-cli.js';
import { FileRepository } from '../../src/backups/repository/file-repository.js';
import { restoreBackup } from '../../src/backups/restore/restore-backup.js';
import { verifyBackup } from '../../src/backups/verify/verify-backup.js';
import { systemClock } from '../../src/clock/index.js';
import type { BackupsConfig, FileRepositoryConfig } from '../../src/config/resolved-backup-config.js';
import type { ProbeConfig } from '../../src/config/resolved-config.js';
import { BackupFailedError, RefusedError, UsageError } from '../../src/errors.js';
import { createStoreLocks } from '../../src/locks/index.js';
import { openMemoryStore, type Store } from '../../src/store/index.js';
import { FIXTURE_ROLE, databaseFingerprint, loadBackupFixture } from '../support/backup-fixture.js';
import { PgCluster } from '../support/pg-cluster.js';
import { tempDir } from '../support/temp-dir.js';

const pgTools = createPgTools();
const pgAdmin = createPgAdmin();
let cluster: PgCluster;
let store: Store;
let records: BackupRecords;
let dataDir: string;
let repository: FileRepository;
let repositoryConfig: FileRepositoryConfig;
let source: Record<string, string[]>;
let identity: { file: string; recipient: string };
let wrongIdentity: string;

beforeAll(async () => {
  cluster = await PgCluster.create();
  await loadBackupFixture(cluster, 'app');
  source = await databaseFingerprint(cluster, 'app');
  store = await openMemoryStore();
  records = new BackupRecords(store.db);
  dataDir = tempDir('guardia-round-trip-');
  repositoryConfig = { kind: 'file', path: join(dataDir, 'repository'), display: 'file:./repository' };
  repository = new FileRepository(repositoryConfig);
  identity = ageIdentity(join(dataDir, 'key.txt'));
  wrongIdentity = ageIdentity(join(dataDir, 'other-key.txt')).file;
}, 120_000);

afterAll(async () => {
  await store?.close();
  await cluster?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function ageIdentity(file: string): { file: string; recipient: string } {
  execFileSync('age-keygen', ['-o', file], { stdio: 'ignore' });
  return { file, recipient: execFileSync('age-keygen', ['-y', file], { encoding: 'utf8' }).trim() };
}

function backupsConfig(overrides: Partial<BackupsConfig> = {}): BackupsConfig {
  return {
    databases: [{ name: 'app', url: cluster.url('app') }],
    jobs: 2,
    excludeTableData: [],
    globals: true,
    repositories: [repositoryConfig],
    encryptTo: [],
    verify: { afterBackup: false, sql: ['select count(*) = 700 from guests', 'select bool_and(noches is not null) from "Reservas Año"'], amcheck: true },
    keep: { minimum: 1 },
    objectives: { rpoMs: 86_400_000, rtoMs: 3_600_000 },
    drill: { smoke: [] },
    ...overrides,
  };
}

function context(config: BackupsConfig, probes: ProbeConfig[] = [], repositories = [repository]): BackupContext {
  return { clock: systemClock, dataDir, environment: 'production', config, repositories, createCodec: createArchiveCodec, pgTools, pgAdmin, probes, records, env: {} };
}

async function backup(config: BackupsConfig, repositories = [repository], compression?: 'gzip'): Promise<BackupManifest> {
  const codec = await createArchiveCodec({ recipients: config.encryptTo, ...(compression ? { compression } : {}) });
  const locks = createStoreLocks(store.db, { clock: systemClock });
  const deps = { clock: systemClock, dataDir, records, locks, pgTools, pgAdmin, codec, repositories, guardiaVersion: 'test' };
  return runBackup(deps, { environment: 'production', config, database: config.databases[0]! });
}

async function databases(): Promise<string[]> {
  return (await cluster.query<{ datname: string }>('select datname from pg_database order by 1')).map((r) => r.datname);
}

describe('backup round trip', () => {
  let plain: BackupManifest;

  it('restores a backup into a new database identically, table by table and object by object', async () => {
    plain = await backup(backupsConfig());
    expect(plain.tables).toContainEqual({ schema: 'public', name: 'Reservas Año', rows: 1500 });
    expect(plain.tables).toContainEqual({ schema: 'public', name: 'session_cache', rows: 50 });
    expect(plain.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['stays_2025', 'stays_2026', 'stays_other']));
    expect(plain.tables.map((t) => t.name)).not.toContain('stays');

    const report = await restoreBackup(context(backupsConfig()), { manifest: plain, repository, to: cluster.url('restored') });
    expect(report).toMatchObject({ backupId: plain.id, created: true, streamed: true, target: `postgres://postgres@127.0.0.1:${cluster.port}/restored` });
    expect(await databaseFingerprint(cluster, 'restored')).toEqual(source);
    // Roles are kept beside the restore, never applied to the target server on their own.
    expect(readFileSync(report.globalsFile!, 'utf8')).toContain(`CREATE ROLE ${FIXTURE_ROLE}`);
  }, 120_000);

  it('round-trips with pg_dump\'s own gzip when zstd is not used', async () => {
    const gzipRepository = new FileRepository({ kind: 'file', path: join(dataDir, 'gzip-repository'), display: 'file:./gzip-repository' });
    const manifest = await backup(backupsConfig(), [gzipRepository], 'gzip');
    expect(manifest.compression).toBe('gzip');
    expect(manifest.files.some((f) => f.path.endsWith('.dat.gz'))).toBe(true);
    const report = await restoreBackup(context(backupsConfig(), [], [gzipRepository]), { manifest, repository: gzipRepository, to: cluster.url('restored_gzip') });
    expect(report.streamed).toBe(false);
    expect(await databaseFingerprint(cluster, 'restored_gzip')).toEqual(source);
  }, 120_000);

  it('round-trips a dump taken with one job, whose files are written one after another', async () => {
    const sequentialRepository = new FileRepository({ kind: 'file', path: join(dataDir, 'one-job-repository'), display: 'file:./one-job-repository' });
    const manifest = await backup(backupsConfig({ jobs: 1 }), [sequentialRepository]);
    expect(manifest.tables).toEqual(plain.tables);
    await restoreBackup(context(backupsConfig({ jobs: 1 }), [], [sequentialRepository]), { manifest, repository: sequentialRepository, to: cluster.url('restored_one_job') });
    expect(await databaseFingerprint(cluster, 'restored_one_job')).toEqual(source);
  }, 120_000);

  it('refuses a non-empty target without yes, naming host, port, database and size', async () => {
    const error = await restoreBackup(context(backupsConfig()), { manifest: plain, repository, to: cluster.url('restored', 'postgres', 'pw-not-shown') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedError);
    expect((error as Error).message).toMatch(new RegExp(`^postgres://postgres@127\\.0\\.0\\.1:${cluster.port}/restored is not empty \\(\\d+(\\.\\d)? MiB\\): pass --yes`));
    expect((error as Error).message).not.toContain('pw-not-shown');
  });

  it('refuses a table name that matches nothing instead of restoring nothing', async () => {
    const error = await restoreBackup(context(backupsConfig()), { manifest: plain, repository, to: cluster.url('only_missing'), tables: ['no_such_table'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFailedError);
    expect((error as Error).message).toMatch(/table "no_such_table" not found/);
  }, 120_000);

  it('restores only the tables asked for', async () => {
    await restoreBackup(context(backupsConfig()), { manifest: plain, repository, to: cluster.url('only_mixed'), tables: ['MixedCase'] });
    const tables = await cluster.query<{ name: string }>("select relname as name from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace", 'only_mixed');
    expect(tables).toEqual([{ name: 'MixedCase' }]);
    expect(await cluster.query('select count(*)::int as n from "MixedCase"', 'only_mixed')).toEqual([{ n: 3 }]);
  }, 120_000);

  it('verifies in a scratch database that it drops: checksums, restore, row counts, amcheck, SQL assertions', async () => {
    const phases: string[] = [];
    const onProgress = (p: Progress) => void (phases.at(-1) === p.phase || phases.push(p.phase));
    const report = await verifyBackup({ ...context(backupsConfig()), onProgress }, plain, repository);
    expect(phases).toEqual(['checksums', 'download', 'restore', 'oracles']);
    expect(report.checks.map((c) => [c.name, c.passed])).toEqual([
      ['checksums', true],
      ['restore', true],
      ['row_counts', true],
      ['amcheck', true],
      ['sql #1', true],
      ['sql #2', true],
    ]);
    expect(report.passed).toBe(true);
    expect(report.restoreMs).toBeGreaterThan(0);
    expect(await databases()).not.toContain(`guardia_verify_${plain.id.replace('-', '_').toLowerCase()}`);
    expect(await records.verificationsOf(plain.id)).toHaveLength(1);
  }, 120_000);

  it('verifies on a separate server that lacks the backup\'s roles, without owners and grants', async () => {
    const other = await PgCluster.create();
    try {
      const config = backupsConfig({ verify: { ...backupsConfig().verify, server: other.url('postgres') } });
      const report = await verifyBackup({ ...context(config), records: undefined }, plain, repository);
      expect(report.checks.filter((c) => !c.passed)).toEqual([]);
      expect(report.passed).toBe(true);
      expect((await other.query<{ datname: string }>('select datname from pg_database')).map((r) => r.datname)).not.toContain(
        `guardia_verify_${plain.id.replace('-', '_').toLowerCase()}`,
      );
    } finally {
      await other.destroy();
    }
  }, 120_000);

  it('reports row counts that differ from the manifest per table', async () => {
    const tampered = { ...plain, tables: plain.tables.map((t) => (t.name === 'guests' ? { ...t, rows: 701 } : t)) };
    const report = await verifyBackup({ ...context(backupsConfig()), records: undefined }, tampered, repository);
    expect(report.passed).toBe(false);
    expect(report.checks.filter((c) => !c.passed)).toEqual([
      { name: 'row_count public.guests', passed: false, detail: '700 rows, expected 701' },
      { name: 'row_counts', passed: false, detail: `1 of ${plain.tables.length} tables differ from the manifest` },
    ]);
  }, 120_000);

  it('runs a DR drill on the newest backup from the repository, with smoke probes, RTO and RPO, and writes its report', async () => {
    const probe: ProbeConfig = {
      id: 'production/confirmed', env: 'production', name: 'confirmed', everyMs: 60_000, timeoutMs: 10_000, retries: 0, retryDelayMs: 0, jitterMs: 0,
      kind: 'sql', sql: { url: cluster.url('app'), query: 'select count(*) from confirmed_bookings', expect: { min: 1 }, degraded: {} },
    };
    const before = await databases();
    const report = await runDrill(context(backupsConfig(), [probe]));
    expect(report.backupId).toBe(plain.id);
    expect(report.checks.map((c) => [c.name, c.passed])).toEqual([
      ['restore', true],
      ['row_counts', true],
      ['amcheck', true],
      ['sql #1', true],
      ['sql #2', true],
      ['probe confirmed', true],
      ['rto', true],
      ['rpo', true],
    ]);
    expect(report.passed).toBe(true);
    expect(report.rtoObjectiveMs).toBe(3_600_000);
    expect(readFileSync(join(dataDir, 'drills', `${report.id}.md`), 'utf8')).toContain(`# DR drill ${report.id}: PASSED`);
    expect(JSON.parse(readFileSync(join(dataDir, 'drills', `${report.id}.json`), 'utf8'))).toEqual(report);
    expect(await records.drills('production')).toEqual([report]);
    expect(await databases()).toEqual(before);
  }, 120_000);

  it('fails verification on a flipped byte in a stored file, naming the file', async () => {
    const damaged = await backup(backupsConfig());
    const biggest = [...damaged.files].sort((a, b) => b.size - a.size)[0]!;
    const path = join(repositoryConfig.path, 'production', 'app', damaged.id, biggest.path);
    const bytes = readFileSync(path);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(path, bytes);

    const report = await verifyBackup(context(backupsConfig()), damaged, repository);
    expect(report.passed).toBe(false);
    expect(report.checks).toEqual([{ name: 'checksums', passed: false, detail: `${biggest.path}: sha256 mismatch (stored file changed or damaged)` }]);
    await expect(restoreBackup(context(backupsConfig()), { manifest: damaged, repository, to: cluster.url('from_damaged') })).rejects.toThrow(
      `${biggest.path}: sha256 mismatch`,
    );
  }, 120_000);
});

describe('encrypted backups', () => {
  let encrypted: BackupManifest;

  it('stay unverified without a verify identity, with the reason', async () => {
    const config = backupsConfig({ encryptTo: [identity.recipient] });
    encrypted = await backup(config);
    expect(encrypted.files.every((f) => f.path.endsWith('.zst.age'))).toBe(true);
    const report = await verifyBackup(context(config), encrypted, repository);
    expect(report).toMatchObject({ passed: false, unverifiedReason: 'encrypted and no verify identity configured (backups.verify.identity)' });
    expect(report.checks).toEqual([{ name: 'checksums', passed: true, detail: `${encrypted.files.length} stored files match the manifest` }]);
    expect(await records.verificationsOf(encrypted.id)).toEqual([]);
  }, 120_000);

  it('verify with the identity and restore identically', async () => {
    const config = backupsConfig({ encryptTo: [identity.recipient], verify: { ...backupsConfig().verify, identityFile: identity.file } });
    const report = await verifyBackup(context(config), encrypted, repository);
    expect(report.passed).toBe(true);
    await restoreBackup(context(backupsConfig()), { manifest: encrypted, repository, to: cluster.url('decrypted'), identityFile: identity.file });
    expect(await databaseFingerprint(cluster, 'decrypted')).toEqual(source);
  }, 120_000);

  it('fail verification clearly with a wrong identity, and restore asks for one', async () => {
    const config = backupsConfig({ encryptTo: [identity.recipient], verify: { ...backupsConfig().verify, identityFile: wrongIdentity } });
    const report = await verifyBackup({ ...context(config), records: undefined }, encrypted, repository);
    expect(report.passed).toBe(false);
    expect(report.checks[1]).toMatchObject({ name: 'restore', passed: false });
    expect(report.checks[1]?.detail).toMatch(new RegExp(`cannot be decrypted with identity ${wrongIdentity}: no matching key`));
    await expect(restoreBackup(context(backupsConfig()), { manifest: encrypted, repository, to: cluster.url('nokey') })).rejects.toBeInstanceOf(UsageError);
    expect(await databases()).not.toContain('nokey');
    // Scratch folders are gone; only the kept globals of completed restores remain.
    expect(readdirSync(join(dataDir, 'restore')).every((name) => name.endsWith('.globals.sql'))).toBe(true);
  }, 120_000);

  it('make a failed drill when no verify identity can decrypt the newest backup', async () => {
    const config = backupsConfig({ encryptTo: [identity.recipient] });
    const alone = new FileRepository({ kind: 'file', path: join(dataDir, 'alone'), display: 'file:./alone' });
    const newest = await backup(config, [alone]);
    const report = await runDrill({ ...context(config, [], [alone]), records: undefined });
    expect(report.backupId).toBe(newest.id);
    expect(report.passed).toBe(false);
    expect(report.checks.map((c) => [c.name, c.passed, c.detail])).toEqual([
      ['restore', false, `backup ${newest.id} is encrypted and no verify identity is configured (backups.verify.identity)`],
      ['rto', false, 'not measured: the restore failed'],
      ['rpo', true, expect.stringMatching(/ within the objective of 24 h$/)],
    ]);
    expect(report.markdown).toContain('| restore | **FAIL** |');
  });
});
