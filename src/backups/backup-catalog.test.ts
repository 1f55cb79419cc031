import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir.js';
import { FakeClock } from '../clock/index.js';
import { openMemoryStore, type Store } from '../store/index.js';
import { BackupRecords } from './backup-records.js';
import { listCatalog, toListing } from './backup-catalog.js';
import { createBackupService } from './create-backup-service.js';
import { fileRepository, testBackupsConfig, testConfig } from './internal/backup-test-kit.js';
import type { BackupManifest } from './manifest.js';
import { parseManifest, serializeManifest } from './manifest-io.js';
import { createRepository } from './repository/create-repository.js';

function manifest(id: string, overrides: Partial<BackupManifest> = {}): BackupManifest {
  const startedAt = `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}.000Z`;
  return {
    format: 1, id, environment: 'production', database: 'app', serverVersion: 150010, clientVersion: '15.10', guardiaVersion: '0.1.0',
    startedAt, endedAt: startedAt, method: 'pg_dump_directory', compression: 'zstd', recipients: [], rawBytes: 10, storedBytes: 4,
    files: [{ path: 'dump/toc.dat.zst', plainPath: 'dump/toc.dat', size: 4, rawSize: 10, sha256: 'a'.repeat(64) }],
    tables: [{ schema: 'public', name: 'bookings', rows: 3 }], globals: false, ...overrides,
  };
}

function write(root: string, key: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, key)), { recursive: true });
  writeFileSync(join(root, key), content);
}

describe('manifest io', () => {
  it('reads back what it writes', () => {
    const m = manifest('20261122T020000Z-3f9a');
    expect(parseManifest(serializeManifest(m).toString())).toEqual({ ok: true, manifest: m });
  });

  it('explains a manifest that is not JSON or not valid, without throwing', () => {
    expect(parseManifest('{"format":')).toMatchObject({ ok: false, reason: expect.stringMatching(/^manifest.json is not JSON/) });
    const bad = { ...manifest('20261122T020000Z-3f9a'), files: [{ path: '../../etc/passwd', plainPath: 'x', size: 1, rawSize: 1, sha256: 'a'.repeat(64) }] };
    expect(parseManifest(JSON.stringify(bad))).toMatchObject({ ok: false, reason: expect.stringMatching(/^manifest.json is invalid at files.0.path/) });
    expect(parseManifest(JSON.stringify({ ...bad, files: [], format: 2 }))).toMatchObject({ ok: false, reason: expect.stringMatching(/at format/) });
  });
});

describe('backup catalog', () => {
  let store: Store;
  let root: string;
  beforeEach(async () => {
    store = await openMemoryStore();
    root = tempDir('guardia-catalog-');
  });
  afterEach(() => store.close());

  it('lists complete backups newest first, a damaged manifest as failed, and never a folder without manifest', async () => {
    write(root, 'production/app/20261120T020000Z-aaaa/manifest.json', serializeManifest(manifest('20261120T020000Z-aaaa')));
    write(root, 'production/app/20261121T020000Z-bbbb/manifest.json', '{ not json');
    write(root, 'production/app/20261122T020000Z-cccc/dump/toc.dat.zst', 'partial');
    write(root, 'production/app/20261119T020000Z-dddd/manifest.json', serializeManifest(manifest('20261119T020000Z-ffff')));
    write(root, 'staging/app/20261122T020000Z-eeee/manifest.json', serializeManifest(manifest('20261122T020000Z-eeee', { environment: 'staging' })));
    const entries = await listCatalog([createRepository(fileRepository(root))], 'production');
    expect(entries.map((e) => [e.id, e.manifest !== undefined, e.problem])).toEqual([
      ['20261121T020000Z-bbbb', false, expect.stringMatching(/^manifest.json is not JSON/)],
      ['20261120T020000Z-aaaa', true, undefined],
      ['20261119T020000Z-dddd', false, 'manifest.json describes production/app/20261119T020000Z-ffff, not the folder it is in'],
    ]);
  });

  it('derives the status from the newest verification and says why a backup is unverified', () => {
    const entry = { id: '20261120T020000Z-aaaa', environment: 'production', database: 'app', repositories: ['file:/b'] };
    const plain = { ...entry, manifest: manifest(entry.id) };
    const encrypted = { ...entry, manifest: manifest(entry.id, { recipients: ['age1xyz'] }) };
    const report = { backupId: entry.id, environment: 'production', database: 'app', startedAt: '2026-11-20T04:00:00.000Z', endedAt: '2026-11-20T04:01:00.000Z', restoreMs: 4200 };
    const noIdentity = { verifyIdentityConfigured: false };
    expect(toListing(plain, undefined, noIdentity)).toMatchObject({ status: 'unverified', statusReason: 'not verified yet', encrypted: false });
    expect(toListing(encrypted, undefined, noIdentity)).toMatchObject({ status: 'unverified', statusReason: 'encrypted and no verify identity configured (backups.verify.identity)' });
    expect(toListing(encrypted, undefined, { verifyIdentityConfigured: true })).toMatchObject({ statusReason: 'not verified yet' });
    expect(toListing(plain, { ...report, passed: true, checks: [] }, noIdentity)).toMatchObject({ status: 'verified', verifiedAt: report.endedAt, rtoMs: 4200 });
    const failed = { ...report, passed: false, checks: [{ name: 'checksums', passed: false, detail: 'dump/toc.dat.zst: sha256 mismatch' }] };
    expect(toListing(plain, failed, noIdentity)).toMatchObject({ status: 'failed', statusReason: 'verification failed: checksums: dump/toc.dat.zst: sha256 mismatch' });
    expect(toListing({ ...entry, problem: 'manifest.json is not JSON' }, undefined, noIdentity)).toMatchObject({ status: 'failed', statusReason: 'manifest.json is not JSON' });
  });

  it('prunes by the retention policy, removes day-old folders without manifest, and changes nothing on a dry run', async () => {
    for (const id of ['20261118T020000Z-0001', '20261119T020000Z-0002', '20261120T020000Z-0003', '20261121T020000Z-0004']) {
      write(root, `production/app/${id}/manifest.json`, serializeManifest(manifest(id)));
      write(root, `production/app/${id}/dump/toc.dat.zst`, 'data');
    }
    write(root, 'production/app/20261121T030000Z-0005/dump/toc.dat.zst', 'killed run, two days old');
    write(root, 'production/app/20261123T013000Z-0006/dump/toc.dat.zst', 'maybe still uploading');
    const records = new BackupRecords(store.db);
    const verified = { environment: 'production', database: 'app', startedAt: '2026-11-19T04:00:00.000Z', endedAt: '2026-11-19T04:01:00.000Z', restoreMs: 1, checks: [], passed: true };
    await records.recordVerification({ ...verified, backupId: '20261119T020000Z-0002' });
    const config = testConfig(testBackupsConfig('postgresql://localhost/app', [fileRepository(root)], { keep: { last: 1, minimum: 1 } }));
    const service = createBackupService({ config, db: store.db, clock: new FakeClock(Date.UTC(2026, 10, 23, 2)), dataDir: tempDir(), guardiaVersion: 'test' });

    const plan = await service.prune('production', { dryRun: true });
    expect(plan.map((d) => [d.id, d.keep])).toEqual([
      ['20261121T020000Z-0004', true], ['20261120T020000Z-0003', false], ['20261119T020000Z-0002', true], ['20261118T020000Z-0001', false],
    ]);
    expect((await service.list('production')).map((l) => l.id)).toHaveLength(4);

    await service.prune('production');
    expect((await service.list('production')).map((l) => [l.id, l.status])).toEqual([['20261121T020000Z-0004', 'unverified'], ['20261119T020000Z-0002', 'verified']]);
    const left = await createRepository(fileRepository(root)).list('production/');
    expect(left.filter((k) => k.includes('-0005') || k.includes('-0006'))).toEqual(['production/app/20261123T013000Z-0006/dump/toc.dat.zst']);
  });
});
