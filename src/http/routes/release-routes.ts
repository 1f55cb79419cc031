import { Hono } from 'hono';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import type { ReleaseService } from '../../releases/index.js';
import { requireAccess, type AccessEnv } from '../access.js';
import type { HttpServices } from '../http-deps.js';

/**
 * Releases, as `guardia releases` and `guardia approve` do: `GET /releases?env=` (`{releases}`,
 * newest first) and (operator) `POST /releases/:id/approve`, approving as the caller's token or
 * user name. A release whose approvals are complete then runs in this process; the answer does
 * not wait for it (poll `GET /releases`).
 */
export function releaseRoutes(services: HttpServices, options: { loopback: boolean }): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const read = requireAccess(services, { loopback: options.loopback, write: false });
  const write = requireAccess(services, { loopback: options.loopback, write: true });
  const releases = (): ReleaseService => {
    if (!services.releases) throw new NotFoundError('no environment has a release: section in guardia.yaml');
    return services.releases;
  };
  app.get('/releases', read, async (c) => {
    const env = c.req.query('env');
    if (!env) throw new InvalidRequestError('env: expected ?env=<environment>');
    return c.json({ releases: await releases().list(env) });
  });
  app.post('/releases/:id/approve', write, async (c) => {
    const service = releases();
    const record = await service.approve(c.req.param('id'), c.get('caller').name);
    // Errors of the run itself end up in its record.
    if (service.approved(record)) void service.resume(record.id).catch(() => undefined);
    return c.json({ release: record });
  });
  return app;
}
