import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { DashboardEnv } from '../dashboard-env.js';

/** Constant-time equality of two tokens; an empty expected token never matches. */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (!expected || given === undefined) return false;
  // Hashing first gives equal lengths, so the compare's time does not reveal the length either.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/** The CSRF token a non-GET request carries: the `X-CSRF-Token` header or a `_csrf` form field. */
export async function submittedCsrfToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  // Hono caches the parsed body, so the route handler can still read it.
  const body = await c.req.parseBody();
  const field = body['_csrf'];
  return typeof field === 'string' ? field : undefined;
}

/** The hidden `_csrf` input every dashboard form carries. */
export function csrfField(c: Context<DashboardEnv>) {
  return <input type="hidden" name="_csrf" value={c.get('csrfToken')} />;
}
