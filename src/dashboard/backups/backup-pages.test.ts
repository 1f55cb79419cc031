import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { BackupDetails, BackupListing, BackupService, DrillReport } from '../../backups/backup-service.js';
import type { HttpServices } from '../../http/http-deps.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { backupPages } from './backup-pages.js';

const NOW = Date.UTC(2026, 10, 22, 12);
const listing: BackupListing = {
  id: '20261122T020000Z-3f9a', environment: 'production', database: 'shop', startedAt: '2026-11-22T02:00:00.000Z', endedAt: '2026-11-22T02:00:30.000Z',
  rawBytes: 3 * 1024 * 1024, storedBytes: 1024 * 1024, encrypted: true, status: 'verified', verifiedAt: '2026-11-22T02:05:00.000Z', rtoMs: 90_000, repositories: ['file:./backups'],
};
const failed: BackupListing = { ...listing, id: '20261121T020000Z-0001', status: 'failed', statusReason: 'row_count public.orders: 199, expected 200', rtoMs: undefined };
const details: BackupDetails = {
  ...listing,
  manifest: {
    format: 1, id: listing.id, environment: 'production', database: 'shop', serverVersion: 150010, clientVersion: '15.10', guardiaVersion: '0.1.0', startedAt: listing.startedAt, endedAt: listing.endedAt,
    method: 'pg_dump_directory', compression: 'zstd', recipients: ['age1x'], rawBytes: listing.rawBytes, storedBytes: listing.storedBytes,
    files: [{ path: 'dump/toc.dat.zst.age', plainPath: 'dump/toc.dat', size: 100, rawSize: 300, sha256: 'a'.repeat(64) }],
    tables: [{ schema: 'public', name: 'orders', rows: 200 }], globals: true,
  },
  verifications: [{ backupId: listing.id, environment: 'production', database: 'shop', startedAt: '2026-11-22T02:04:00.000Z', endedAt: '2026-11-22T02:05:00.000Z', passed: true, restoreMs: 90_000, checks: [{ name: 'row_count public.orders', passed: true, detail: '200 rows' }] }],
  restoreCommand: `guardia backup restore production --id ${listing.id} --to DATABASE_URL`,
};
const drill: DrillReport = {
  id: 'd1', environment: 'production', database: 'shop', backupId: listing.id, startedAt: '2026-11-22T05:00:00.000Z', endedAt: '2026-11-22T05:03:00.000Z', passed: true,
  rtoMs: 180_000, rtoObjectiveMs: 600_000, rpoMs: 3 * 3_600_000, rpoObjectiveMs: 3_600_000, checks: [], markdown: '# Drill report d1',
};

function app(backups: Partial<BackupService> | undefined) {
  const services = {
    now: () => NOW,
    environmentSettings: () => [{ name: 'production', backups: { databases: ['shop'], rpoMs: 12 * 3_600_000, rtoMs: 60_000, schedule: null, repositories: [], encrypted: true } }],
    ...(backups ? { backups: { service: backups, environments: ['production'] } } : {}),
  } as unknown as HttpServices;
  const root = new Hono<DashboardEnv>();
  root.use(async (c, next) => {
    c.set('caller', { name: 'alice', role: 'viewer', via: 'session' });
    c.set('csrfToken', 'token');
    await next();
  });
  root.route('/', backupPages(services));
  return root;
}

// A fake of guardia's own BackupService contract; the service itself has its cluster tests.
const service: Partial<BackupService> = {
  list: async () => [listing, failed],
  drills: async () => [drill],
  show: async () => details,
  running: async () => [{ id: 'op1', operation: 'backup', environment: 'production', database: 'shop', phase: 'upload', bytes: 512, totalBytes: 1024, tables: 1, startedAt: '2026-11-22T11:59:00.000Z', holder: '42@host' }],
};

describe('backup pages', () => {
  it('lists backups with state and reason, sizes, RTO and age against the objectives, the last drill and running work', async () => {
    const html = await (await app(service).request('/backups')).text();
    expect(html).toContain('verified');
    expect(html).toContain('failed</span> — row_count public.orders: 199, expected 200');
    expect(html).toContain('3.0 MB / 1.0 MB (encrypted)');
    expect(html).toContain('1m30s (objective 1m: missed)');
    expect(html).toMatch(/Newest backup age: <span class="within">9h59m30s \(objective 12h: met\)/);
    expect(html).toMatch(/Last drill 2026-11-22T05:00:00.000Z of shop: <strong>passed/);
    expect(html).toContain('3h (objective 1h: missed)');
    expect(html).toMatch(/backup of production\/shop: upload, 512 B of 1.0 KB/);
  });

  it('shows one backup: tables with row counts, files, verifications and the restore command', async () => {
    const html = await (await app(service).request(`/backups/production/${listing.id}`)).text();
    expect(html).toContain('<td>public.orders</td><td class="num">200</td>');
    expect(html).toContain('dump/toc.dat.zst.age');
    expect(html).toContain('row_count public.orders: 200 rows');
    expect(html).toContain(`value="guardia backup restore production --id ${listing.id} --to DATABASE_URL"`);
  });

  it('says how to configure backups when none are', async () => {
    expect(await (await app(undefined).request('/backups')).text()).toContain('add backups: to an environment');
  });
});
