import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ActiveSession, UserAccess } from '../../users/index.js';
import { isHttps } from './request-facts.js';

/** The browser session cookie: its value is the secret whose sha256 names the session row. */
export const SESSION_COOKIE = 'guardia_session';
/** The login form's double-submit CSRF cookie, set before any session exists. */
export const LOGIN_CSRF_COOKIE = 'guardia_login_csrf';

export function readCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name) || undefined;
}

/** HttpOnly, SameSite=Lax, Path=/, Secure when the request came over https. */
export function writeCookie(c: Context, name: string, value: string, expiresAt?: number): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(c),
    ...(expiresAt === undefined ? {} : { expires: new Date(expiresAt) }),
  });
}

export function clearCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: '/', secure: isHttps(c) });
}

/** The live session named by the request's cookie; a dead cookie is cleared. */
export async function cookieSession(c: Context, users: UserAccess | undefined): Promise<ActiveSession | undefined> {
  const secret = readCookie(c, SESSION_COOKIE);
  if (!secret || !users) return undefined;
  const session = await users.findSession(secret);
  if (!session) clearCookie(c, SESSION_COOKIE);
  return session;
}
