import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import { OutboxRepository, SilenceService } from '../../notifiers/index.js';
import { openMemoryStore } from '../../store/index.js';
import { TokenService } from '../../tokens/index.js';
import { createApp } from '../create-app.js';
import type { HttpServices } from '../http-deps.js';

async function fixture() {
  const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
  const store = await openMemoryStore();
  const tokens = new TokenService(store, clock);
  const outbox = new OutboxRepository(store);
  // Only what these routes use; the rest of the API has its own tests.
  const services = { project: 'demo', tokens, silences: new SilenceService(store, clock), outbox, now: () => clock.now() } as unknown as HttpServices;
  const operator = (await tokens.create('alice', 'operator')).secret;
  const viewer = (await tokens.create('bob', 'viewer')).secret;
  return { app: createApp(services, { loopback: true }), outbox, clock, auth: (secret: string) => ({ authorization: `Bearer ${secret}` }), operator, viewer };
}

describe('silence and outbox API', () => {
  it('creates a silence as the token, lists it and expires it; writes need an operator', async () => {
    const { app, auth, operator, viewer } = await fixture();
    const body = JSON.stringify({ matchers: ['alertname=ServiceDown', 'env!=staging'], duration: '2h', comment: 'migration' });
    const headers = { 'content-type': 'application/json' };
    expect((await app.request('/api/v1/silences', { method: 'POST', body, headers: { ...headers, ...auth(viewer) } })).status).toBe(403);
    const created = await app.request('/api/v1/silences', { method: 'POST', body, headers: { ...headers, ...auth(operator) } });
    expect(created.status).toBe(201);
    const silence = (await created.json()) as { id: string };
    expect(silence).toMatchObject({ author: 'alice', comment: 'migration', endsAt: Date.UTC(2026, 2, 1, 14), state: 'active' });
    const listed = await (await app.request('/api/v1/silences', { headers: auth(viewer) })).json();
    expect(listed).toMatchObject({ silences: [{ id: silence.id }] });
    const expired = await app.request(`/api/v1/silences/${silence.id}`, { method: 'DELETE', headers: auth(operator) });
    expect(await expired.json()).toMatchObject({ id: silence.id, state: 'expired' });
    expect(await (await app.request('/api/v1/silences', { headers: auth(viewer) })).json()).toEqual({ silences: [] });
  });

  it('rejects a silence without an end and a bad matcher', async () => {
    const { app, auth, operator } = await fixture();
    const post = (payload: unknown) =>
      app.request('/api/v1/silences', { method: 'POST', body: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...auth(operator) } });
    const noEnd = await post({ matchers: ['env=production'] });
    expect(noEnd.status).toBe(400);
    expect(await noEnd.json()).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/how long/) });
    expect(await (await post({ matchers: ['env'], duration: '1h' })).json()).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/bad matcher/) });
  });

  it('lists dead letters with ?status=dead', async () => {
    const { app, auth, viewer, outbox, clock } = await fixture();
    const notification = { key: 'k1', channel: 'ops', status: 'firing' as const, groupKey: 'g', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, alerts: [], externalUrl: 'http://x' };
    await outbox.enqueue(notification, clock.now());
    await outbox.enqueue({ ...notification, key: 'k2' }, clock.now());
    const [row] = await outbox.claimDue(clock.now(), 1_000, 1);
    await outbox.markDead(row?.id ?? '', 1, 'HTTP 404');
    const dead = await (await app.request('/api/v1/outbox?status=dead', { headers: auth(viewer) })).json();
    expect(dead).toMatchObject({ entries: [{ channel: 'ops', status: 'dead', lastError: 'HTTP 404' }] });
    expect(((await (await app.request('/api/v1/outbox', { headers: auth(viewer) })).json()) as { entries: unknown[] }).entries).toHaveLength(2);
    expect((await app.request('/api/v1/outbox?status=lost', { headers: auth(viewer) })).status).toBe(400);
  });
});
