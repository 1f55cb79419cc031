import { Hono } from 'hono';
import * as z from 'zod';
import { InvalidRequestError } from '../../errors.js';
import { parseSilenceRequest } from '../../notifiers/index.js';
import { requireAccess, type AccessEnv } from '../access.js';
import type { HttpServices } from '../http-deps.js';

const body = z.strictObject({
  matchers: z.array(z.string()).min(1),
  duration: z.string().optional(),
  startsAt: z.union([z.string(), z.number()]).optional(),
  endsAt: z.union([z.string(), z.number()]).optional(),
  comment: z.string().optional(),
});

/**
 * `GET /api/v1/silences[?all=true]`, `POST /api/v1/silences` with
 * `{matchers: ["env=production"], duration: "2h", comment}` and `DELETE /api/v1/silences/:id`
 * (operator). The author is the token's name.
 */
export function silenceRoutes(services: HttpServices, options: { loopback: boolean }): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const read = requireAccess(services, { loopback: options.loopback, write: false });
  const write = requireAccess(services, { loopback: options.loopback, write: true });
  app.get('/silences', read, async (c) => c.json({ silences: await services.silences.list({ all: c.req.query('all') === 'true' }) }));
  app.post('/silences', write, async (c) => {
    const parsed = body.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw new InvalidRequestError(`expected {matchers: ["name=value"], duration: "2h" | endsAt, comment}: ${z.prettifyError(parsed.error)}`);
    const request = { ...parsed.data, author: c.get('caller').name };
    return c.json(await services.silences.add(parseSilenceRequest(request, services.now())), 201);
  });
  app.delete('/silences/:id', write, async (c) => c.json(await services.silences.expire(c.req.param('id'))));
  return app;
}
