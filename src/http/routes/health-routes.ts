import { Hono } from 'hono';
import type { HttpServices } from '../http-deps.js';

/** `/livez` answers while the process serves; `/readyz` once the store and scheduler are up. */
export function healthRoutes(services: HttpServices): Hono {
  const app = new Hono();
  app.get('/livez', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) => {
    const state = services.ready();
    return state.ready
      ? c.json({ status: 'ready' })
      : c.json({ code: 'not_ready', message: state.reason ?? 'starting' }, 503);
  });
  return app;
}
