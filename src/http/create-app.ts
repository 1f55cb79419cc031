import { Hono } from 'hono';
import { NotFoundError } from '../errors.js';
import { errorResponse } from './error-handler.js';
import type { HttpServices } from './http-deps.js';
import { alertRoutes } from './routes/alert-routes.js';
import { apiRoutes } from './routes/api-routes.js';
import { backupRoutes } from './routes/backup-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { ackLinkRoute, incidentRoutes } from './routes/incident-routes.js';
import { metricsRoute } from './routes/metrics-route.js';
import { outboxRoutes } from './routes/outbox-routes.js';
import { prometheusRoutes } from './routes/prometheus-routes.js';
import { pushRoutes } from './routes/push-routes.js';
import { silenceRoutes } from './routes/silence-routes.js';

export interface AppOptions {
  /** The listener is on a loopback address (opens reads until a token exists). */
  loopback: boolean;
  redact?: (text: string) => string;
  /** Receives unexpected (5xx) errors for the log. */
  onError?: (error: unknown) => void;
}

/** guardia's HTTP surface: health, metrics, heartbeat pushes and the JSON API. */
export function createApp(services: HttpServices, options: AppOptions): Hono {
  const redact = options.redact ?? ((text: string) => text);
  const app = new Hono();
  app.route('/', healthRoutes(services));
  app.route('/', metricsRoute(services));
  app.route('/', pushRoutes(services));
  app.route('/api/v1', prometheusRoutes(services, { loopback: options.loopback, redact, onError: options.onError }));
  app.route('/api/v1', apiRoutes(services, { loopback: options.loopback }));
  app.route('/api/v1', silenceRoutes(services, { loopback: options.loopback }));
  app.route('/api/v1', outboxRoutes(services, { loopback: options.loopback }));
  app.route('/api/v1', alertRoutes(services, { loopback: options.loopback }));
  app.route('/api/v1', incidentRoutes(services, { loopback: options.loopback }));
  app.route('/api/v1', backupRoutes(services, { loopback: options.loopback }));
  app.route('/', ackLinkRoute(services));
  app.notFound((c) => errorResponse(c, new NotFoundError(`no route for ${c.req.method} ${c.req.path}`), redact));
  app.onError((error, c) => errorResponse(c, error, redact, options.onError));
  return app;
}
