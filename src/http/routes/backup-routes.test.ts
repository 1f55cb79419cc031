import { describe, expect, it } from 'vitest';
import type { BackupListing, BackupService, BackupTarget, DrillReport } from '../../backups/backup-service.js';
import { FakeClock } from '../../clock/index.js';
import { LockedError } from '../../errors.js';
import { openMemoryStore } from '../../store/index.js';
import { TokenService } from '../../tokens/index.js';
import { createApp } from '../create-app.js';
import type { HttpServices } from '../http-deps.js';

const listing = (environment: string, id: string): BackupListing => ({
  id, environment, database: 'app', startedAt: '2026-11-22T02:00:00.000Z', endedAt: '2026-11-22T02:00:05.000Z',
  rawBytes: 100, storedBytes: 40, encrypted: false, status: 'verified', verifiedAt: '2026-11-22T02:01:00.000Z', rtoMs: 3_000, repositories: ['file:./backups'],
});
const drill = (environment: string, startedAt: string): DrillReport => ({
  id: `drill_${environment}`, environment, database: 'app', backupId: 'b1', startedAt, endedAt: startedAt, passed: true, rtoMs: 1, rpoMs: 2, checks: [], markdown: '',
});

/** A BackupService answering from fixtures and recording what it was asked: the routes are under test. */
function fakeBackups() {
  const asked: unknown[][] = [];
  const service = {
    list: (env: string, options: unknown) => (asked.push(['list', env, options]), Promise.resolve([listing(env, `${env}-1`)])),
    show: (env: string, id: string) => (asked.push(['show', env, id]), Promise.resolve({ ...listing(env, id), verifications: [] })),
    running: () => Promise.resolve([{ id: 'run_1', operation: 'backup', environment: 'production', database: 'app', phase: 'dump', bytes: 10, tables: 1, startedAt: 'x', holder: '1@h' }]),
    drills: (env: string) => Promise.resolve([drill(env, env === 'production' ? '2026-11-20T05:00:00.000Z' : '2026-11-21T05:00:00.000Z')]),
    run: (env: string, options: unknown) => (asked.push(['run', env, options]), Promise.resolve([listing(env, `${env}-2`)])),
    verify: (env: string, target: BackupTarget) => {
      asked.push(['verify', env, target]);
      return 'id' in target && target.id === 'busy' ? Promise.reject(new LockedError('a backup of production/app is running (1@h)')) : Promise.resolve({ backupId: 'b1', passed: true, checks: [] });
    },
  } as unknown as BackupService;
  return { service, asked };
}

async function fixture(withBackups = true) {
  const clock = new FakeClock(Date.UTC(2026, 10, 22, 12));
  const store = await openMemoryStore();
  const tokens = new TokenService(store, clock);
  const { service, asked } = fakeBackups();
  const services = {
    project: 'demo', tokens, now: () => clock.now(),
    ...(withBackups ? { backups: { service, environments: ['production', 'staging'] } } : {}),
  } as unknown as HttpServices;
  const operator = (await tokens.create('alice', 'operator')).secret;
  const viewer = (await tokens.create('bob', 'viewer')).secret;
  const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const post = (path: string, body: unknown, secret = operator) =>
    app.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...auth(secret) } });
  const app = createApp(services, { loopback: true });
  return { app, asked, auth, viewer, post };
}

describe('backup API', () => {
  it('lists backups of one environment or of all, with their status', async () => {
    const { app, asked, auth, viewer } = await fixture();
    const one = await (await app.request('/api/v1/backups?env=production&database=app', { headers: auth(viewer) })).json();
    expect(one).toEqual({ backups: [listing('production', 'production-1')] });
    expect(asked[0]).toEqual(['list', 'production', { database: 'app' }]);
    const all = (await (await app.request('/api/v1/backups', { headers: auth(viewer) })).json()) as { backups: BackupListing[] };
    expect(all.backups.map((b) => [b.environment, b.status])).toEqual([['production', 'verified'], ['staging', 'verified']]);
  });

  it('shows one backup, the running operations and the drills newest first', async () => {
    const { app, auth, viewer } = await fixture();
    expect(await (await app.request('/api/v1/backups/production/b7', { headers: auth(viewer) })).json()).toMatchObject({ id: 'b7', environment: 'production' });
    expect(await (await app.request('/api/v1/backups/running', { headers: auth(viewer) })).json()).toMatchObject({ running: [{ id: 'run_1', phase: 'dump' }] });
    const drills = (await (await app.request('/api/v1/drills', { headers: auth(viewer) })).json()) as { drills: DrillReport[] };
    expect(drills.drills.map((d) => d.environment)).toEqual(['staging', 'production']);
    expect((await app.request('/api/v1/drills?limit=0', { headers: auth(viewer) })).status).toBe(400);
  });

  it('runs and verifies on request of an operator only', async () => {
    const { asked, viewer, post } = await fixture();
    expect((await post('/api/v1/backups/production/run', {}, viewer)).status).toBe(403);
    const ran = await post('/api/v1/backups/production/run', { database: 'app' });
    expect(await ran.json()).toMatchObject({ backups: [{ id: 'production-2' }] });
    expect(asked.at(-1)).toEqual(['run', 'production', { database: 'app' }]);
    expect(await (await post('/api/v1/backups/production/verify', { latest: true })).json()).toMatchObject({ passed: true });
    expect(asked.at(-1)).toEqual(['verify', 'production', { latest: true }]);
  });

  it('answers bad requests and conflicts with {code, message}', async () => {
    const { post } = await fixture();
    const bad = await post('/api/v1/backups/production/verify', { newest: true });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/^expected \{id: "backup id"\} or \{latest: true\}/) });
    expect(await (await post('/api/v1/backups/production/run', '{nope')).json()).toMatchObject({ code: 'invalid_request' });
    const busy = await post('/api/v1/backups/production/verify', { id: 'busy' });
    expect(busy.status).toBe(409);
    expect(await busy.json()).toEqual({ code: 'locked', message: 'a backup of production/app is running (1@h)' });
  });

  it('says when no environment has backups', async () => {
    const { app, auth, viewer } = await fixture(false);
    const response = await app.request('/api/v1/backups', { headers: auth(viewer) });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found', message: expect.stringMatching(/add backups:/) });
  });
});
