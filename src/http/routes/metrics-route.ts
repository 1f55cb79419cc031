import { Hono } from 'hono';
import type { HttpServices } from '../http-deps.js';

/** Prometheus text exposition of guardia's own and its probes' series; always open. */
export function metricsRoute(services: HttpServices): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    const body = await services.metrics.render();
    return c.body(body, 200, { 'content-type': services.metrics.contentType });
  });
  return app;
}
