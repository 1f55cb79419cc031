import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import { LockedError } from '../errors.js';
import { openMemoryStore, type Store } from '../store/index.js';
import { createStoreLocks, holdLock } from './index.js';

describe('store locks', () => {
  let store: Store;
  let clock: FakeClock;
  const dead = new Set<number>();
  const host = hostname();

  beforeEach(async () => {
    store = await openMemoryStore();
    clock = new FakeClock(Date.UTC(2026, 10, 22, 2));
    dead.clear();
  });
  afterEach(() => store.close());

  const locks = () => createStoreLocks(store.db, { clock, isAlive: (pid) => !dead.has(pid) });

  it('gives a free lock to the first holder and refuses a second one', async () => {
    const l = locks();
    expect(await l.tryAcquire('backup:production/app', `11@${host} (backup)`, 60_000)).toEqual({ acquired: true });
    const second = await l.tryAcquire('backup:production/app', `12@${host} (backup)`, 60_000);
    expect(second).toEqual({ acquired: false, current: { holder: `11@${host} (backup)`, acquiredAt: clock.now(), expiresAt: clock.now() + 60_000 } });
    expect((await l.holderOf('backup:production/app'))?.holder).toBe(`11@${host} (backup)`);
  });

  it('lets the holder take it again and renew it, and frees it on release', async () => {
    const l = locks();
    await l.tryAcquire('a', 'me', 1_000);
    await clock.advance(500);
    expect(await l.tryAcquire('a', 'me', 1_000)).toEqual({ acquired: true });
    expect(await l.renew('a', 'me', 1_000)).toBe(true);
    expect(await l.renew('a', 'other', 1_000)).toBe(false);
    await l.release('a', 'other');
    expect(await l.holderOf('a')).toBeDefined();
    await l.release('a', 'me');
    expect(await l.holderOf('a')).toBeUndefined();
  });

  it('takes over an expired lease', async () => {
    const l = locks();
    await l.tryAcquire('a', '1@elsewhere (x)', 1_000);
    await clock.advance(1_000);
    expect(await l.holderOf('a')).toBeUndefined();
    expect(await l.tryAcquire('a', 'me', 1_000)).toEqual({ acquired: true });
    expect(await l.renew('a', '1@elsewhere (x)', 1_000)).toBe(false);
  });

  it('takes over a lock of this host whose process is gone, not one of another host', async () => {
    const l = locks();
    await l.tryAcquire('a', `77@${host} (backup production/app)`, 60_000);
    await l.tryAcquire('b', '77@another-host (backup production/app)', 60_000);
    dead.add(77);
    expect(await l.tryAcquire('a', 'me', 60_000)).toEqual({ acquired: true });
    expect((await l.tryAcquire('b', 'me', 60_000)).acquired).toBe(false);
  });

  it('holdLock throws LockedError naming the holder and since when, and renews while held', async () => {
    const l = locks();
    const held = await holdLock(l, 'backup:production/app', `11@${host} (backup production/app)`, { clock, ttlMs: 3_000 });
    const attempt = holdLock(l, 'backup:production/app', 'me', { clock, what: 'backup of production/app' });
    await expect(attempt).rejects.toThrow(LockedError);
    await expect(attempt).rejects.toThrow(`backup of production/app is locked by 11@${host} (backup production/app) since 2026-11-22T02:00:00.000Z`);
    await clock.advance(10_000);
    expect((await l.holderOf('backup:production/app'))?.expiresAt).toBeGreaterThan(clock.now());
    await held.release();
    expect(await l.holderOf('backup:production/app')).toBeUndefined();
  });
});
