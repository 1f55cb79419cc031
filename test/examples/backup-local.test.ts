import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli-capture.js';
import { PgCluster } from '../support/pg-cluster.js';
import { tempDir } from '../support/temp-dir.js';

const config = fileURLToPath(new URL('../../examples/backup-local/guardia.yaml', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let cluster: PgCluster;
const dirs: string[] = [];

/** The two commands, exactly: a backup of `${DATABASE_URL}` to `file:${BACKUP_DIR}`, then a restore of the newest. */
async function roundTrip(env: NodeJS.ProcessEnv, restored: string, identity?: string) {
  const dataDir = tempDir('guardia-backup-local-');
  dirs.push(dataDir);
  const backup = await cli(['backup', 'run', 'production', '-c', config, '--data-dir', dataDir], { cwd: repoRoot, env });
  const restore = await cli(
    ['backup', 'restore', 'production', '--latest', '--to', cluster.url(restored), '--yes', ...(identity ? ['--identity', identity] : []), '-c', config, '--data-dir', dataDir],
    { cwd: repoRoot, env },
  );
  const list = await cli(['backup', 'list', 'production', '--json', '-c', config, '--data-dir', dataDir], { cwd: repoRoot, env });
  return { backup, restore, list };
}

/** A fresh age identity and backup directory, removed after the tests. */
function encryptedSetup(): { key: string; recipient: string; backupDir: string } {
  const keyDir = tempDir('guardia-age-');
  const backupDir = tempDir('guardia-backup-dir-');
  dirs.push(keyDir, backupDir);
  const key = join(keyDir, 'key.txt');
  execFileSync('age-keygen', ['-o', key], { stdio: 'ignore' });
  return { key, recipient: execFileSync('age-keygen', ['-y', key], { encoding: 'utf8' }).trim(), backupDir };
}

describe('examples/backup-local', () => {
  beforeAll(async () => {
    cluster = await PgCluster.create();
    await cluster.query('create database app');
    await cluster.query(`create table bookings (id serial primary key, guest text not null, nights int);
      insert into bookings (guest, nights) select 'guest ' || i, i % 7 from generate_series(1, 500) i;
      create table "Ñandú ""quoted""" (payload jsonb); insert into "Ñandú ""quoted""" values ('{"a": [1, 2]}')`, 'app');
  }, 120_000);

  afterAll(async () => {
    await cluster?.destroy();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const compare = async (restored: string) => {
    expect(await cluster.query(`select count(*)::int as n, sum(nights)::int as nights from bookings`, restored)).toEqual([{ n: 500, nights: 1497 }]);
    expect(await cluster.query(`select payload from "Ñandú ""quoted"""`, restored)).toEqual([{ payload: { a: [1, 2] } }]);
  };

  it('backs up without encryption when BACKUP_AGE_RECIPIENT is empty, and restores the newest backup', async () => {
    const backupDir = tempDir('guardia-backup-dir-');
    dirs.push(backupDir);
    const { backup, restore, list } = await roundTrip({ DATABASE_URL: cluster.url('app'), BACKUP_DIR: backupDir, BACKUP_AGE_RECIPIENT: '' }, 'restored_plain');
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^backed up production\/app: \S+, .* stored .* verified\n$/);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^restored \S+ into .*restored_plain \(created\) in /);
    expect(JSON.parse(list.stdout)).toMatchObject({ backups: [{ database: 'app', encrypted: false, status: 'verified', repositories: [`file:${backupDir}`] }] });
    await compare('restored_plain');
  }, 180_000);

  it('encrypts to BACKUP_AGE_RECIPIENT and restores with --identity', async () => {
    const { key, recipient, backupDir } = encryptedSetup();
    const env = { DATABASE_URL: cluster.url('app'), BACKUP_DIR: backupDir, BACKUP_AGE_RECIPIENT: recipient };
    const { backup, restore, list } = await roundTrip(env, 'restored_age', key);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/unverified \(encrypted and no verify identity configured/);
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ backups: [{ encrypted: true, status: 'unverified' }] });
    await compare('restored_age');
  }, 180_000);

  it('verifies encrypted backups with BACKUP_AGE_IDENTITY_FILE, which restore reads too', async () => {
    const { key, recipient, backupDir } = encryptedSetup();
    const env = { DATABASE_URL: cluster.url('app'), BACKUP_DIR: backupDir, BACKUP_AGE_RECIPIENT: recipient, BACKUP_AGE_IDENTITY_FILE: key };
    const { backup, restore, list } = await roundTrip(env, 'restored_verified');
    expect(backup.code, backup.stderr).toBe(0);
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ backups: [{ encrypted: true, status: 'verified' }] });
    await compare('restored_verified');
  }, 180_000);

  it('restores with stock age, zstd and pg_restore as the README shows, without guardia', async () => {
    const { key, recipient, backupDir } = encryptedSetup();
    const dataDir = tempDir('guardia-backup-local-');
    dirs.push(dataDir);
    const env = { DATABASE_URL: cluster.url('app'), BACKUP_DIR: backupDir, BACKUP_AGE_RECIPIENT: recipient };
    const backup = await cli(['backup', 'run', 'production', '-c', config, '--data-dir', dataDir, '--json'], { cwd: repoRoot, env });
    expect(backup.code, backup.stderr).toBe(0);
    const id = (JSON.parse(backup.stdout) as { backups: { id: string }[] }).backups[0]?.id ?? '';
    await cluster.query('create database restored_stock');
    // The README's recipe, run in the backup's folder <dir>/<env>/<db>/<id>/, writing the plain dump elsewhere.
    const out = tempDir('guardia-stock-restore-');
    dirs.push(out);
    const recipe = `cd "${join(backupDir, 'production', 'app', id)}" && mkdir -p "${out}/dump" &&
      for f in dump/*.zst.age; do age -d -i "${key}" "$f" | zstd -q -d -o "${out}/\${f%.zst.age}"; done &&
      pg_restore -d "${cluster.url('restored_stock')}" -j 4 --exit-on-error "${out}/dump"`;
    execFileSync('bash', ['-c', recipe], { stdio: 'pipe' });
    await compare('restored_stock');
  }, 180_000);

  it('validates, warning when encrypted backups cannot be verified', async () => {
    const recipient = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
    const plain = await cli(['validate', '-c', config], { cwd: repoRoot, env: {} });
    expect(plain).toMatchObject({ code: 0, stderr: '' });
    const warned = await cli(['validate', '-c', config], { cwd: repoRoot, env: { BACKUP_AGE_RECIPIENT: recipient } });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe(
      'guardia: warning: environments.production.backups: encrypt_to is set but verify.identity is not: encrypted backups will stay unverified\n',
    );
  });

  it('refuses to restore over a non-empty database without --yes (exit 1)', async () => {
    const backupDir = tempDir('guardia-backup-dir-');
    const dataDir = tempDir('guardia-backup-local-');
    dirs.push(backupDir, dataDir);
    const env = { DATABASE_URL: cluster.url('app'), BACKUP_DIR: backupDir, BACKUP_AGE_RECIPIENT: '' };
    expect((await cli(['backup', 'run', 'production', '-c', config, '--data-dir', dataDir], { cwd: repoRoot, env })).code).toBe(0);
    const refused = await cli(['backup', 'restore', 'production', '--latest', '--to', cluster.url('app'), '-c', config, '--data-dir', dataDir], { cwd: repoRoot, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^guardia: .*app.*--yes/);
  }, 180_000);
});
