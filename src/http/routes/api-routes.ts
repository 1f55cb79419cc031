import { Hono } from 'hono';
import { requireAccess, type AccessEnv } from '../access.js';
import type { HttpServices } from '../http-deps.js';
import { parseTimeParam } from '../time-param.js';

/** The JSON API under `/api/v1`: thin handlers over the services the CLI uses too. */
export function apiRoutes(services: HttpServices, options: { loopback: boolean }): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const read = requireAccess(services, { loopback: options.loopback, write: false });
  const write = requireAccess(services, { loopback: options.loopback, write: true });
  const probeId = (env: string, probe: string) => `${env}/${probe}`;

  app.get('/status', read, async (c) =>
    c.json({ project: services.project, environments: await services.status.environments() }),
  );
  app.get('/status/:env', read, async (c) => c.json(await services.status.environment(c.req.param('env'))));
  app.get('/probes', read, async (c) => c.json({ probes: await services.probes.list(c.req.query('env')) }));
  app.get('/probes/:env/:probe', read, async (c) =>
    c.json(await services.probes.get(probeId(c.req.param('env'), c.req.param('probe')))),
  );
  app.get('/probes/:env/:probe/samples', read, async (c) => {
    const now = services.now();
    const query = {
      metric: c.req.query('metric') || undefined,
      from: parseTimeParam('from', c.req.query('from'), now),
      to: parseTimeParam('to', c.req.query('to'), now),
    };
    return c.json(await services.probes.samples(probeId(c.req.param('env'), c.req.param('probe')), query));
  });
  app.post('/probes/:env/:probe/run', write, async (c) =>
    c.json(await services.probes.runNow(probeId(c.req.param('env'), c.req.param('probe')))),
  );
  app.get('/config', read, (c) => c.json(services.configSummary() as object));
  return app;
}
