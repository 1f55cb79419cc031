import { Hono, type Context } from 'hono';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import type { HttpServices } from '../http-deps.js';

type PingKind = 'success' | 'start' | 'fail';

/**
 * Heartbeat pushes, as Healthchecks.io takes them: `/push/<token>` (success),
 * `/push/<token>/start`, `/push/<token>/fail`, `/push/<token>/<exit status 0-255>`.
 * Any method works so `curl -fsS URL` and wget both do; always open.
 */
export function pushRoutes(services: HttpServices): Hono {
  const app = new Hono();
  const handle = async (c: Context, token: string, action?: string) => {
    const { kind, exitStatus } = parseAction(action);
    const known = await services.heartbeats.recordPing(token, kind, exitStatus);
    if (!known) throw new NotFoundError('no heartbeat with this token');
    return c.json({ ok: true, kind, ...(exitStatus === undefined ? {} : { exitStatus }) });
  };
  app.all('/push/:token', (c) => handle(c, c.req.param('token')));
  app.all('/push/:token/:action', (c) => handle(c, c.req.param('token'), c.req.param('action')));
  return app;
}

function parseAction(action: string | undefined): { kind: PingKind; exitStatus?: number } {
  if (action === undefined) return { kind: 'success' };
  if (action === 'start' || action === 'fail') return { kind: action };
  if (/^\d{1,3}$/.test(action) && Number(action) <= 255) {
    const exitStatus = Number(action);
    return { kind: exitStatus === 0 ? 'success' : 'fail', exitStatus };
  }
  throw new InvalidRequestError(`unknown push action "${action}": use start, fail or an exit status 0-255`);
}
