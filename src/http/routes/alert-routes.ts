import { Hono } from 'hono';
import { UsageError } from '../../errors.js';
import { requireAccess, type AccessEnv } from '../access.js';
import type { HttpServices } from '../http-deps.js';

const STATES = ['pending', 'firing', 'resolved'] as const;

/** `GET /api/v1/alerts[?state=firing|pending|resolved&env=NAME]` → `{alerts}`, newest first. */
export function alertRoutes(services: HttpServices, options: { loopback: boolean }): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const read = requireAccess(services, { loopback: options.loopback, write: false });
  app.get('/alerts', read, async (c) => {
    const state = c.req.query('state') || undefined;
    if (state !== undefined && !STATES.includes(state as never)) {
      throw new UsageError(`unknown state "${state}": use ${STATES.join(', ')}`);
    }
    const env = c.req.query('env') || undefined;
    const alerts = await services.alerts.list({
      ...(state !== undefined ? { state: state as (typeof STATES)[number] } : {}),
      ...(env !== undefined ? { env } : {}),
    });
    return c.json({ alerts });
  });
  return app;
}
