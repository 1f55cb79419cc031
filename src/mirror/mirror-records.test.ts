import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import { createStoreLocks, holdLock, lockHolder } from '../locks/index.js';
import { openMemoryStore, type Store } from '../store/index.js';
import { recoverInterruptedMirrors } from './internal/recover-interrupted-mirrors.js';
import { MirrorRecords } from './mirror-records.js';

const T0 = Date.UTC(2026, 10, 22, 19, 0, 0);
let store: Store;
let records: MirrorRecords;
const clock = new FakeClock(T0);
const started = (id: string, holder: string, at = T0) => ({
  id, from: 'production', to: 'staging', backupId: 'b1', holder, rules: ['users.email: email'], seedFiles: ['/srv/seed.sql'], startedAt: at,
});

beforeEach(async () => {
  store = await openMemoryStore({ now: () => clock.now() });
  records = new MirrorRecords(store.db);
});
afterEach(() => store.close());

describe('MirrorRecords', () => {
  it('records a mirror from start to finish, lists newest first and keeps the first line of an error', async () => {
    await records.start(started('m1', 'h'));
    await records.finish('m1', 'failed', T0 + 1500, { error: 'seed file a.sql failed\nDETAIL: …' });
    await records.start(started('m2', 'h', T0 + 2000));
    const masked = { columns: [{ key: 'users.email', rows: 3, method: 'email' }], truncated: [], ms: 12 };
    await records.finish('m2', 'succeeded', T0 + 5000, { masked });
    const list = await records.list('staging');
    expect(list.map((m) => [m.id, m.status, m.durationMs])).toEqual([['m2', 'succeeded', 3000], ['m1', 'failed', 1500]]);
    expect(list[0]).toEqual({
      id: 'm2', from: 'production', to: 'staging', backupId: 'b1', status: 'succeeded', rules: ['users.email: email'], seedFiles: ['/srv/seed.sql'],
      masked, startedAt: '2026-11-22T19:00:02.000Z', endedAt: '2026-11-22T19:00:05.000Z', durationMs: 3000,
    });
    expect(list[1]?.error).toBe('seed file a.sql failed');
    expect(await records.list('qa')).toEqual([]);
  });

  it('generates one masking key per environment and keeps it', async () => {
    const key = await records.keyOf('staging', T0);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await records.keyOf('staging', T0 + 1)).toBe(key);
    expect(await records.keyOf('qa', T0)).not.toBe(key);
  });

  it('marks interrupted the mirrors whose holder died or lost the lock, and keeps the live one', async () => {
    const locks = createStoreLocks(store.db, { clock });
    const live = lockHolder('mirror production into staging');
    const lock = await holdLock(locks, 'mirror:staging', live, { clock });
    await records.start(started('live', live));
    await records.start({ ...started('dead', `999999999@${hostname()} (mirror production into qa)`), to: 'qa' });
    await records.start({ ...started('expired', 'other@elsewhere (mirror production into dev)'), to: 'dev' });
    const removed: string[] = [];
    const removeLeftovers = async (run: { id: string }) => void removed.push(run.id);
    expect(await recoverInterruptedMirrors({ records, locks, clock, removeLeftovers })).toBe(2);
    expect(removed.sort()).toEqual(['dead', 'expired']);
    expect((await records.get('live'))?.status).toBe('running');
    expect(await records.get('dead')).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/^interrupted: 999999999@/) as unknown });
    expect((await records.get('expired'))?.status).toBe('interrupted');
    await lock.release();
  });
});
