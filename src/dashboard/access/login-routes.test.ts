import { describe, expect, it } from 'vitest';
import { accessTestApp, cookieValue, logIn } from './access-test-app.js';

const PASSWORD = 'a long enough password';
const form = 'application/x-www-form-urlencoded';

describe('login and logout', () => {
  it('logs in with the right password, sets a hardened session cookie and follows next', async () => {
    const { app, users } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const { response, session } = await logIn(app, 'alice', PASSWORD, '/app/page?env=prod');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/app/page?env=prod');
    const cookie = response.headers.getSetCookie().find((h) => h.startsWith('guardia_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await app.request('/app/page', { headers: { cookie: `guardia_session=${session}` } });
    expect(await page.text()).toMatch(/^alice operator session csrf=\S{43}$/);
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const { app, users } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const page = await app.request('/login', { headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('answers a wrong password and an unknown name alike, and sets no session', async () => {
    const { app, users } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const wrong = await logIn(app, 'alice', 'not the password');
    const unknown = await logIn(app, 'mallory', PASSWORD);
    for (const attempt of [wrong, unknown]) {
      expect(attempt.response.status).toBe(401);
      expect(attempt.session).toBe('');
      expect(await attempt.response.text()).toContain('wrong name or password');
    }
  });

  it('refuses a login post without the double-submit token', async () => {
    const { app, users } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const body = new URLSearchParams({ _csrf: 'forged', name: 'alice', password: PASSWORD }).toString();
    const forged = await app.request('/login', { method: 'POST', headers: { 'content-type': form, cookie: 'guardia_login_csrf=other' }, body });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('invalid CSRF token, reload the page');
    expect(cookieValue(forged, 'guardia_session')).toBe('');
  });

  it('rate limits after 5 failures for a name within 15 minutes, then lets it try again', async () => {
    const { app, users, clock } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    for (let i = 0; i < 5; i++) expect((await logIn(app, 'alice', 'wrong password!')).response.status).toBe(401);
    const limited = await logIn(app, 'alice', PASSWORD);
    expect(limited.response.status).toBe(429);
    expect(await limited.response.text()).toContain('too many attempts, try again in 15 minutes');
    expect(limited.session).toBe('');
    await clock.advance(10 * 60_000);
    expect(await (await logIn(app, 'alice', PASSWORD)).response.text()).toContain('try again in 5 minutes');
    await clock.advance(5 * 60_000);
    expect((await logIn(app, 'alice', PASSWORD)).response.status).toBe(303);
  });

  it('refuses to redirect off-site after login', async () => {
    const { app, users } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      expect((await logIn(app, 'alice', PASSWORD, next)).response.headers.get('location')).toBe('/');
    }
  });

  it('logs out with the CSRF token only, ending the session', async () => {
    const { app, users } = await accessTestApp();
    await users.add('alice', 'viewer', PASSWORD);
    const { cookie, csrfToken } = await logIn(app, 'alice', PASSWORD);
    const forged = await app.request('/logout', { method: 'POST', headers: { 'content-type': form, cookie }, body: '_csrf=nope' });
    expect(forged.status).toBe(403);
    const out = await app.request('/logout', { method: 'POST', headers: { 'content-type': form, cookie }, body: `_csrf=${csrfToken}` });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    const after = await app.request('/app/page', { headers: { cookie } });
    expect(after.status).toBe(303);
  });

  it('refuses an oversized login form before reading it', async () => {
    const { app, users } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const huge = await app.request('/login', { method: 'POST', headers: { 'content-type': form }, body: `password=${'x'.repeat(20_000)}` });
    expect(huge.status).toBe(413);
  });

  it('explains how to add the first user when none exists', async () => {
    const { app } = await accessTestApp();
    const page = await app.request('/login');
    expect(await page.text()).toContain('guardia user add');
  });

  it('sends the security headers on the login page', async () => {
    const { app, users } = await accessTestApp();
    await users.add('alice', 'operator', PASSWORD);
    const page = await app.request('/login');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});
