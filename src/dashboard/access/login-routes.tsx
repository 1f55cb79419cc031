import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HttpServices } from '../../http/http-deps.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { LoginPage, MessagePage, NoUsersPage } from './access-pages.js';
import { tokensMatch } from './csrf.js';
import { dashboardAccess } from './dashboard-access.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { clientIp } from './request-facts.js';
import { safeNext } from './safe-next.js';
import { clearCookie, LOGIN_CSRF_COOKIE, readCookie, SESSION_COOKIE, writeCookie } from './session-cookie.js';

export interface LoginRoutesOptions {
  loopback: boolean;
  /** Failed-login counter; one per process by default, on the services' clock. */
  limiter?: LoginRateLimiter;
}

const GENERIC_FAILURE = 'wrong name or password';
/** A name, a password of at most 1,024 characters and a token fit easily. */
const MAX_LOGIN_BODY = 8 * 1024;

/**
 * `GET /login`, `POST /login` and `POST /logout`. The login form is protected by a
 * double-submit token (cookie + `_csrf`); failures are rate limited and never say whether
 * the name exists; success sets the session cookie and redirects to a same-origin `next`.
 */
export function loginRoutes(services: HttpServices, options: LoginRoutesOptions): Hono<DashboardEnv> {
  const limiter = options.limiter ?? new LoginRateLimiter(() => services.now());
  const app = new Hono<DashboardEnv>();

  app.get('/login', async (c) => {
    if (!(await services.users?.anyExist())) return c.html(<NoUsersPage />);
    return c.html(<LoginPage csrfToken={loginCsrf(c)} next={safeNext(c.req.query('next'))} />);
  });

  app.post('/login', bodyLimit({ maxSize: MAX_LOGIN_BODY, onError: (c) => c.text('the login form is too large', 413) }), async (c) => {
    const users = services.users;
    if (!users || !(await users.anyExist())) return c.html(<NoUsersPage />, 401);
    const body = await c.req.parseBody();
    const field = (key: string) => (typeof body[key] === 'string' ? body[key] : '');
    const next = safeNext(c.req.query('next'));
    if (!tokensMatch(readCookie(c, LOGIN_CSRF_COOKIE) ?? '', field('_csrf'))) {
      return c.html(<LoginPage csrfToken={loginCsrf(c, true)} next={next} error="invalid CSRF token, reload the page" />, 403);
    }
    const ip = clientIp(c);
    const name = field('name').trim();
    const waitMs = limiter.retryAfterMs(ip, name);
    if (waitMs > 0) return tooMany(c, waitMs);
    const user = await users.authenticate(name, field('password'));
    if (!user) {
      limiter.recordFailure(ip, name);
      return c.html(<LoginPage csrfToken={loginCsrf(c)} next={next} name={name} error={GENERIC_FAILURE} />, 401);
    }
    limiter.recordSuccess(ip, name);
    const session = await users.startSession(user.name);
    writeCookie(c, SESSION_COOKIE, session.secret, session.expiresAt);
    clearCookie(c, LOGIN_CSRF_COOKIE);
    return c.redirect(next, 303);
  });

  app.post('/logout', dashboardAccess(services, { role: 'viewer', loopback: options.loopback }), async (c) => {
    const secret = readCookie(c, SESSION_COOKIE);
    if (secret) await services.users?.endSession(secret);
    clearCookie(c, SESSION_COOKIE);
    return c.redirect('/login', 303);
  });

  return app;
}

/** The pre-session double-submit token: reuses the cookie's value, or sets a fresh one. */
function loginCsrf(c: Context, fresh = false): string {
  const existing = fresh ? undefined : readCookie(c, LOGIN_CSRF_COOKIE);
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  writeCookie(c, LOGIN_CSRF_COOKIE, token);
  return token;
}

function tooMany(c: Context, waitMs: number): Response | Promise<Response> {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
  return c.html(
    <MessagePage title="Too many attempts" message={`too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}`} link={{ href: '/login', text: 'Back to log in' }} />,
    429,
  );
}
