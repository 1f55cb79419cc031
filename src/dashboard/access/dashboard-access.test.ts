import { describe, expect, it } from 'vitest';
import { accessTestApp, logIn } from './access-test-app.js';

const PASSWORD = 'a long enough password';
const form = 'application/x-www-form-urlencoded';

describe('dashboardAccess', () => {
  it('sends a browser without a session to the login page with next, and refuses its posts', async () => {
    const { app, users } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const page = await app.request('/app/page?env=prod');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fapp%2Fpage%3Fenv%3Dprod');
    const post = await app.request('/app/things', { method: 'POST', headers: { 'content-type': form }, body: 'thing=x' });
    expect(post.status).toBe(401);
  });

  it('accepts a post with the session CSRF token as a field or header; refuses a forged or missing one and changes nothing', async () => {
    const { app, users, changes } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const { cookie, csrfToken } = await logIn(app, 'alice', PASSWORD);
    const post = (body: string, headers: Record<string, string> = {}) =>
      app.request('/app/things', { method: 'POST', headers: { 'content-type': form, cookie, ...headers }, body });
    for (const refused of [await post('thing=a'), await post('thing=b&_csrf=forged'), await post('thing=c', { 'x-csrf-token': 'forged' })]) {
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('invalid CSRF token, reload the page');
    }
    expect(changes).toEqual([]);
    const field = await (await app.request('/app/form', { headers: { cookie } })).text();
    expect(field).toBe(`<input type="hidden" name="_csrf" value="${csrfToken}"/>`);
    expect((await post(`thing=d&_csrf=${csrfToken}`)).status).toBe(200);
    expect((await post('thing=e', { 'x-csrf-token': csrfToken })).status).toBe(200);
    expect(changes).toEqual(['alice:d', 'alice:e']);
  });

  it('lets a viewer read but not post', async () => {
    const { app, users, changes } = await accessTestApp();
    await users.add('victor', 'viewer', PASSWORD);
    const { cookie, csrfToken } = await logIn(app, 'victor', PASSWORD);
    expect((await app.request('/app/page', { headers: { cookie } })).status).toBe(200);
    const post = await app.request('/app/things', { method: 'POST', headers: { 'content-type': form, cookie }, body: `thing=x&_csrf=${csrfToken}` });
    expect(post.status).toBe(403);
    expect(await post.text()).toContain('victor has role viewer; this needs the operator role.');
    expect(changes).toEqual([]);
  });

  it('accepts an API token without CSRF, with the token role', async () => {
    const { app, tokens, users, changes } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const operator = (await tokens.create('ci', 'operator')).secret;
    const viewer = (await tokens.create('grafana', 'viewer')).secret;
    const page = await app.request('/app/page', { headers: { authorization: `Bearer ${viewer}` } });
    expect(await page.text()).toBe('grafana viewer token csrf=');
    const denied = await app.request('/app/things', { method: 'POST', headers: { authorization: `Bearer ${viewer}`, 'content-type': form }, body: 'thing=v' });
    expect(denied.status).toBe(403);
    const allowed = await app.request('/app/things', { method: 'POST', headers: { authorization: `Bearer ${operator}`, 'content-type': form }, body: 'thing=t' });
    expect(allowed.status).toBe(200);
    expect(changes).toEqual(['ci:t']);
    expect((await app.request('/app/page', { headers: { authorization: 'Bearer gdn_revoked' } })).status).toBe(401);
  });

  it('ends access when the session expires or the user is removed', async () => {
    const { app, users, clock } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const idle = await logIn(app, 'alice', PASSWORD);
    await clock.advance(12 * 3_600_000);
    expect((await app.request('/app/page', { headers: { cookie: idle.cookie } })).status).toBe(303);
    const removed = await logIn(app, 'alice', PASSWORD);
    await users.remove('alice');
    await users.add('bob', 'viewer', PASSWORD);
    expect((await app.request('/app/page', { headers: { cookie: removed.cookie } })).status).toBe(303);
  });

  it('lets anyone read as an anonymous viewer on loopback until a user or token exists', async () => {
    const { app, changes, tokens } = await accessTestApp({ loopback: true });
    expect(await (await app.request('/app/page')).text()).toBe('anonymous viewer session csrf=');
    const post = await app.request('/app/things', { method: 'POST', headers: { 'content-type': form }, body: 'thing=x' });
    expect(post.status).toBe(403);
    expect(await post.text()).toContain('Log in to change anything');
    expect(changes).toEqual([]);
    await tokens.create('ci', 'viewer');
    const closed = await app.request('/app/page');
    expect(closed.status).toBe(401);
    expect(await closed.text()).toContain('guardia user add');
  });

  it('explains how to add a user on a non-loopback listener with no users', async () => {
    const { app } = await accessTestApp();
    const page = await app.request('/app/page');
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('guardia user add');
  });
});
