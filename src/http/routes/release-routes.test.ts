import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import { testReleaseConfig, testReleaseDeps } from '../../releases/internal/release-test-kit.js';
import { ReleaseService } from '../../releases/index.js';
import { openMemoryStore } from '../../store/index.js';
import { TokenService } from '../../tokens/index.js';
import { createApp } from '../create-app.js';
import type { HttpServices } from '../http-deps.js';

async function fixture() {
  const clock = new FakeClock(Date.UTC(2026, 10, 22, 12));
  const store = await openMemoryStore();
  const tokens = new TokenService(store, clock);
  const releases = new ReleaseService(testReleaseDeps(store, clock, testReleaseConfig({ approval: { approvers: 1, expiresMs: 3_600_000 } })));
  const services = { project: 'demo', tokens, now: () => clock.now(), releases } as unknown as HttpServices;
  const alice = (await tokens.create('alice', 'operator')).secret;
  const bob = (await tokens.create('bob', 'viewer')).secret;
  const app = createApp(services, { loopback: true });
  const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });
  return { app, releases, alice, bob, auth };
}

describe('release API', () => {
  it('lists releases of an environment and approves one as the caller, which then runs', async () => {
    const { app, releases, alice, bob, auth } = await fixture();
    const pending = await releases.start({ env: 'production', version: 'v1.0.0', initiator: 'carla' });
    const listed = (await (await app.request('/api/v1/releases?env=production', { headers: auth(bob) })).json()) as { releases: { id: string; status: string }[] };
    expect(listed.releases).toMatchObject([{ id: pending.id, status: 'pending_approval' }]);
    expect((await app.request(`/api/v1/releases/${pending.id}/approve`, { method: 'POST', headers: auth(bob) })).status).toBe(403);
    const approved = await app.request(`/api/v1/releases/${pending.id}/approve`, { method: 'POST', headers: auth(alice) });
    expect(await approved.json()).toMatchObject({ release: { approvals: [{ by: 'alice' }] } });
    // The release runs in the background of the request; wait for its record to say so.
    await expect.poll(async () => (await releases.get(pending.id)).status).toBe('succeeded');
  });

  it('refuses a list without env and an approval by the initiator', async () => {
    const { app, releases, alice, auth } = await fixture();
    expect((await app.request('/api/v1/releases', { headers: auth(alice) })).status).toBe(400);
    const pending = await releases.start({ env: 'production', version: 'v1.0.0', initiator: 'alice' });
    const self = await app.request(`/api/v1/releases/${pending.id}/approve`, { method: 'POST', headers: auth(alice) });
    expect(self.status).toBe(409);
  });
});
