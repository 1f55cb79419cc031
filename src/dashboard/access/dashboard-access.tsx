import type { Context, MiddlewareHandler } from 'hono';
import type { HttpServices } from '../../http/http-deps.js';
import { roleAllows, type Role } from '../../tokens/index.js';
import type { DashboardCaller, DashboardEnv } from '../dashboard-env.js';
import { MessagePage, NoUsersPage } from './access-pages.js';
import { submittedCsrfToken, tokensMatch } from './csrf.js';
import { cookieSession } from './session-cookie.js';

export interface DashboardAccessOptions {
  /** The least role a request needs; default `viewer` for GET/HEAD, `operator` otherwise. */
  role?: Role;
  /** The listener is on loopback: with no user and no token, anonymous callers may read. */
  loopback?: boolean;
}

/** The anonymous reader of a fresh loopback install, as the API allows (src/http/access.ts). */
const ANONYMOUS: DashboardCaller = { name: 'anonymous', role: 'viewer', via: 'session' };

/**
 * Resolves the dashboard caller and enforces access. A session cookie or an
 * `Authorization: Bearer` token names the caller; with neither, a GET is sent to /login and
 * anything else gets 401. On loopback with no user and no token, callers read as anonymous
 * viewers. Every non-GET from a session must carry its CSRF token (`_csrf` or
 * `X-CSRF-Token`); token calls need none. Sets `caller` and `csrfToken`.
 */
export function dashboardAccess(services: HttpServices, options: DashboardAccessOptions = {}): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    const needed: Role = options.role ?? (write ? 'operator' : 'viewer');
    const resolved = await resolveCaller(c, services, options.loopback ?? false);
    if (resolved === 'bad-token') return page(c, 401, 'Not logged in', 'The API token is invalid or revoked.');
    if (resolved === 'no-users') return c.html(<NoUsersPage />, 401);
    if (!resolved) return refuseAnonymous(c, write);
    if (!roleAllows(resolved.caller.role, needed)) {
      const why = resolved.caller === ANONYMOUS ? 'Log in to change anything' : `${resolved.caller.name} has role ${resolved.caller.role}`;
      return page(c, 403, 'Refused', `${why}; this needs the ${needed} role.`);
    }
    if (write && resolved.caller.via === 'session' && !tokensMatch(resolved.csrfToken, await submittedCsrfToken(c))) {
      return page(c, 403, 'Refused', 'invalid CSRF token, reload the page');
    }
    c.set('caller', resolved.caller);
    c.set('csrfToken', resolved.csrfToken);
    return next();
  };
}

type Resolved = { caller: DashboardCaller; csrfToken: string } | 'bad-token' | 'no-users' | undefined;

async function resolveCaller(c: Context, services: HttpServices, loopback: boolean): Promise<Resolved> {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const secret = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const token = secret ? await services.tokens.verify(secret) : undefined;
    if (!token) return 'bad-token';
    return { caller: { name: token.name, role: token.role, via: 'token' }, csrfToken: '' };
  }
  const session = await cookieSession(c, services.users);
  if (session) return { caller: { name: session.user, role: session.role, via: 'session' }, csrfToken: session.csrfToken };
  const anyUser = (await services.users?.anyExist()) ?? false;
  if (anyUser) return undefined;
  if (loopback && !(await services.tokens.anyExist())) return { caller: ANONYMOUS, csrfToken: '' };
  return 'no-users';
}

function refuseAnonymous(c: Context, write: boolean): Response | Promise<Response> {
  if (!write) {
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  }
  return page(c, 401, 'Not logged in', 'Your session ended; log in again and retry.', { href: '/login', text: 'Log in' });
}

function page(c: Context, status: 401 | 403, title: string, message: string, link?: { href: string; text: string }): Response | Promise<Response> {
  return c.html(<MessagePage title={title} message={message} {...(link ? { link } : {})} />, status);
}
