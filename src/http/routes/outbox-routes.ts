import { Hono } from 'hono';
import { InvalidRequestError } from '../../errors.js';
import type { OutboxStatus } from '../../notifiers/index.js';
import { requireAccess, type AccessEnv } from '../access.js';
import type { HttpServices } from '../http-deps.js';

const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'dead'];

/** `GET /api/v1/outbox[?status=dead]` → `{entries}`, newest first: deliveries and dead letters. */
export function outboxRoutes(services: HttpServices, options: { loopback: boolean }): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const read = requireAccess(services, { loopback: options.loopback, write: false });
  app.get('/outbox', read, async (c) => {
    const status = c.req.query('status') || undefined;
    if (status !== undefined && !STATUSES.includes(status as OutboxStatus)) {
      throw new InvalidRequestError(`unknown status "${status}": use ${STATUSES.join(', ')}`);
    }
    return c.json({ entries: await services.outbox.list(status ? { status: status as OutboxStatus } : {}) });
  });
  return app;
}
