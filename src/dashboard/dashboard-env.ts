import type { Role } from '../tokens/index.js';

/** Who is looking at a dashboard page: a logged-in user, or an API token's name. */
export interface DashboardCaller {
  name: string;
  role: Role;
  /** `session` for a browser login, `token` for `Authorization: Bearer`. */
  via: 'session' | 'token';
}

/**
 * Hono variables every dashboard route sees once the access middleware
 * (`src/dashboard/access/`) has run: the caller and the session's CSRF token, which every
 * form carries as `_csrf` and htmx sends as the `X-CSRF-Token` header.
 */
export type DashboardEnv = { Variables: { caller: DashboardCaller; csrfToken: string } };
