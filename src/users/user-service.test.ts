import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import { openMemoryStore } from '../store/index.js';
import { SessionService, UserService } from './index.js';

async function services() {
  const clock = new FakeClock(Date.UTC(2026, 10, 22, 12));
  const store = await openMemoryStore();
  return { clock, store, users: new UserService(store, clock), sessions: new SessionService(store, clock) };
}

describe('UserService', () => {
  it('adds a user with a hashed password and authenticates only the right one', async () => {
    const { users, store } = await services();
    expect(await users.anyExist()).toBe(false);
    const added = await users.add('alice', 'operator', 'a long enough password');
    expect(added).toEqual({ name: 'alice', role: 'operator', createdAt: Date.UTC(2026, 10, 22, 12), updatedAt: Date.UTC(2026, 10, 22, 12) });
    const rows = await store.db.selectFrom('users').selectAll().execute();
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(rows)).not.toContain('a long enough password');
    expect(await users.authenticate('alice', 'a long enough password')).toMatchObject({ name: 'alice', role: 'operator' });
    expect(await users.authenticate('alice', 'a long enough passwore')).toBeUndefined();
    expect(await users.authenticate('nobody', 'a long enough password')).toBeUndefined();
    expect(await users.anyExist()).toBe(true);
  });

  it('refuses bad names, roles, short passwords and an existing name', async () => {
    const { users } = await services();
    await expect(users.add('bad name', 'viewer', 'a long enough password')).rejects.toThrow(/user name "bad name"/);
    await expect(users.add('bob', 'root', 'a long enough password')).rejects.toThrow('role "root" must be one of viewer, operator, admin');
    await expect(users.add('bob', 'viewer', 'short')).rejects.toThrow('at least 12 characters');
    await users.add('bob', 'viewer', 'a long enough password');
    await expect(users.add('bob', 'admin', 'another long password')).rejects.toThrow(/already exists; use guardia user passwd/);
  });

  it('ends the sessions of a user whose password changes or who is removed', async () => {
    const { users, sessions } = await services();
    await users.add('carol', 'admin', 'a long enough password');
    const first = await sessions.start('carol');
    await users.setPassword('carol', 'a brand new password');
    expect(await sessions.find(first.secret)).toBeUndefined();
    expect(await users.authenticate('carol', 'a brand new password')).toBeDefined();
    const second = await sessions.start('carol');
    expect(await sessions.find(second.secret)).toMatchObject({ user: 'carol', role: 'admin' });
    await users.remove('carol');
    expect(await sessions.find(second.secret)).toBeUndefined();
    expect(await users.list()).toEqual([]);
    await expect(users.remove('carol')).rejects.toThrow('no user named "carol"');
  });
});
