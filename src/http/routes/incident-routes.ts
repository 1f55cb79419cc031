import { Hono } from 'hono';
import * as z from 'zod';
import { ForbiddenError, InvalidRequestError } from '../../errors.js';
import { requireAccess, type AccessEnv } from '../access.js';
import type { HttpServices } from '../http-deps.js';

const STATUSES = ['open', 'acknowledged', 'resolved', 'all'] as const;

async function parse<T extends z.ZodType>(schema: T, request: Request, expected: string): Promise<z.output<T>> {
  const text = await request.text();
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new InvalidRequestError(`expected a JSON body ${expected}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InvalidRequestError(`expected ${expected}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * `GET /api/v1/incidents[?status=open|acknowledged|resolved|all]` (default: not resolved),
 * `GET /api/v1/incidents/:id` (alerts, timeline, runbook steps), and the operator actions
 * `POST …/:id/ack`, `…/:id/resolve` `{note?}`, `…/:id/assign` `{assignee}`, `…/:id/notes` `{text, public?}`.
 * The actor is the token's name.
 */
export function incidentRoutes(services: HttpServices, options: { loopback: boolean }): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const read = requireAccess(services, { loopback: options.loopback, write: false });
  const write = requireAccess(services, { loopback: options.loopback, write: true });
  const { incidents } = services;
  app.get('/incidents', read, async (c) => {
    const status = c.req.query('status') || undefined;
    if (status !== undefined && !STATUSES.includes(status as never)) throw new InvalidRequestError(`unknown status "${status}": use ${STATUSES.join(', ')}`);
    return c.json({ incidents: await incidents.list(status === undefined ? {} : { status: status as (typeof STATUSES)[number] }) });
  });
  app.get('/incidents/:id', read, async (c) => c.json(await incidents.view(c.req.param('id'))));
  app.post('/incidents/:id/ack', write, async (c) => c.json(await incidents.acknowledge(c.req.param('id'), c.get('caller').name)));
  app.post('/incidents/:id/resolve', write, async (c) => {
    const body = await parse(z.strictObject({ note: z.string().optional() }), c.req.raw, '{note?}');
    return c.json(await incidents.resolve(c.req.param('id'), c.get('caller').name, body.note));
  });
  app.post('/incidents/:id/assign', write, async (c) => {
    const body = await parse(z.strictObject({ assignee: z.string().min(1) }), c.req.raw, '{assignee: "name"}');
    return c.json(await incidents.assign(c.req.param('id'), body.assignee, c.get('caller').name));
  });
  app.post('/incidents/:id/notes', write, async (c) => {
    const body = await parse(z.strictObject({ text: z.string().min(1), public: z.boolean().optional() }), c.req.raw, '{text: "…", public?: true}');
    return c.json(await incidents.note(c.req.param('id'), body.text, c.get('caller').name, { public: body.public === true }), 201);
  });
  return app;
}

/**
 * `GET /ack/:id/:mac`: the one-click acknowledge link notifications carry. The HMAC is the
 * credential, so no token is needed; opening it again (a replay, a mail scanner) changes nothing.
 */
export function ackLinkRoute(services: HttpServices): Hono {
  const app = new Hono();
  app.get('/ack/:id/:mac', async (c) => {
    const id = c.req.param('id');
    if (!(await services.incidents.verifyAckLink(id, c.req.param('mac')))) throw new ForbiddenError('this acknowledge link is not valid; use guardia incident ack');
    const incident = await services.incidents.acknowledge(id, 'ack link');
    const by = incident.status === 'resolved' ? `resolved by ${incident.resolvedBy ?? '?'}` : `acknowledged by ${incident.ackedBy ?? '?'}`;
    return c.text(`incident ${incident.id} (${incident.severity}: ${incident.title}) is ${by}\n`);
  });
  return app;
}
