import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import { openMemoryStore } from '../store/index.js';
import { SessionService, UserService } from './index.js';

const HOUR = 3_600_000;

async function services() {
  const clock = new FakeClock(Date.UTC(2026, 10, 22, 12));
  const store = await openMemoryStore();
  await new UserService(store, clock).add('alice', 'viewer', 'a long enough password');
  return { clock, store, sessions: new SessionService(store, clock) };
}

describe('SessionService', () => {
  it('stores only the sha256 of the cookie secret', async () => {
    const { sessions, store } = await services();
    const started = await sessions.start('alice');
    const rows = await store.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(started.secret);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await sessions.find(started.secret)).toEqual({ user: 'alice', role: 'viewer', csrfToken: started.csrfToken });
    expect(await sessions.find(started.secret + 'x')).toBeUndefined();
  });

  it('expires after 12 idle hours, and use keeps it alive', async () => {
    const { sessions, clock } = await services();
    const started = await sessions.start('alice');
    await clock.advance(11 * HOUR);
    expect(await sessions.find(started.secret)).toBeDefined();
    await clock.advance(11 * HOUR);
    expect(await sessions.find(started.secret)).toBeDefined();
    await clock.advance(12 * HOUR);
    expect(await sessions.find(started.secret)).toBeUndefined();
  });

  it('expires 7 days after login however busy it is', async () => {
    const { sessions, clock } = await services();
    const started = await sessions.start('alice');
    for (let hours = 0; hours < 7 * 24 - 10; hours += 10) {
      await clock.advance(10 * HOUR);
      expect(await sessions.find(started.secret)).toBeDefined();
    }
    await clock.advance(10 * HOUR);
    expect(await sessions.find(started.secret)).toBeUndefined();
  });

  it('purges expired sessions and keeps live ones', async () => {
    const { sessions, clock, store } = await services();
    await sessions.start('alice');
    await clock.advance(13 * HOUR);
    const live = await sessions.start('alice');
    expect(await sessions.purgeExpired()).toBe(1);
    expect(await store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(1);
    await sessions.end(live.secret);
    expect(await sessions.find(live.secret)).toBeUndefined();
  });
});
