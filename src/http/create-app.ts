import { Hono } from 'hono';
import { createDashboard } from '../dashboard/index.js';
import { NotFoundError } from '../errors.js';
import { NO_STATUS_PAGES, statusPageRoutes } from '../status-page/index.js';
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
import { releaseRoutes } from './routes/release-routes.js';
import { silenceRoutes } from './routes/silence-routes.js';

export interface AppOptions {
  /** The listener is on a loopback address (opens reads until a token exists). */
  loopback: boolean;
  redact?: (text: string) => string;
  /** Receives unexpected (5xx) errors for the log. */
  onError?: (error: unknown) => void;
  /** Aborted when guardia stops: the dashboard's open `/live` streams end. */
  shutdown?: AbortSignal;
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
  app.route('/api/v1', releaseRoutes(services, { loopback: options.loopback }));
  app.route('/', ackLinkRoute(services));
  // Public status pages: no login, so above the dashboard; mounted even when none is configured, so /status/* never reaches the login.
  app.route('/status', statusPageRoutes(services.statusPages ?? NO_STATUS_PAGES));
  // Last: the dashboard's access check catches every path it reaches, so public routes (the status page) go above.
  app.route('/', createDashboard(services, { loopback: options.loopback, ...(options.shutdown ? { shutdown: options.shutdown } : {}) }));
  app.notFound((c) => errorResponse(c, new NotFoundError(`no route for ${c.req.method} ${c.req.path}`), redact));
  app.onError((error, c) => errorResponse(c, error, redact, options.onError));
  return app;
}
