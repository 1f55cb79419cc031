import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requireAccess, type AccessEnv } from '../../http/access.js';
import { errorResponse } from '../../http/error-handler.js';
import { accessTestApp, logIn } from './access-test-app.js';

const PASSWORD = 'a long enough password';

/** The API's access rule on one read and one write route, next to the dashboard's login. */
async function fixture() {
  const base = await accessTestApp({ loopback: true });
  const api = new Hono<AccessEnv>();
  api.get('/api/thing', requireAccess(base.services, { loopback: true, write: false }), (c) => c.text(c.get('caller').name));
  api.post('/api/thing', requireAccess(base.services, { loopback: true, write: true }), (c) => c.text(`changed by ${c.get('caller').name}`));
  api.onError((error, c) => errorResponse(c, error, (text) => text));
  return { ...base, api };
}

describe('API access with a dashboard session', () => {
  it('reads with the session cookie and writes only with its X-CSRF-Token header', async () => {
    const { app, api, users } = await fixture();
    await users.add('alice', 'operator', PASSWORD);
    const { cookie, csrfToken } = await logIn(app, 'alice', PASSWORD);
    expect(await (await api.request('/api/thing', { headers: { cookie } })).text()).toBe('alice');
    const forged = await api.request('/api/thing', { method: 'POST', headers: { cookie, 'x-csrf-token': 'forged' } });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toMatch(/invalid CSRF token/);
    expect((await api.request('/api/thing', { method: 'POST', headers: { cookie } })).status).toBe(403);
    const written = await api.request('/api/thing', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(await written.text()).toBe('changed by alice');
  });

  it('closes anonymous loopback reads once a user exists', async () => {
    const { api, users } = await fixture();
    expect((await api.request('/api/thing')).status).toBe(200);
    await users.add('alice', 'viewer', PASSWORD);
    expect((await api.request('/api/thing')).status).toBe(401);
  });
});
