import { Hono } from 'hono';
import type { HttpServices } from '../http/http-deps.js';
import { dashboardAccess, dashboardSecureHeaders, loginRoutes } from './access/index.js';
import { alertPages } from './alerts/alert-pages.js';
import { backupPages } from './backups/backup-pages.js';
import type { DashboardEnv } from './dashboard-env.js';
import { environmentPages } from './environments/environment-pages.js';
import { incidentPages } from './incidents/incident-pages.js';
import { assetsRoute } from './layout/assets-route.js';
import { dashboardErrors, dashboardNotFound } from './layout/not-found-page.js';
import { liveRoute } from './live/live-route.js';
import { overviewPages } from './overview/overview-pages.js';
import { probePages } from './probes/probe-pages.js';

export interface DashboardOptions {
  /** The listener is on loopback: before any user or token exists, callers read anonymously. */
  loopback: boolean;
  /** Aborted when guardia stops: open `/live` streams end. */
  shutdown?: AbortSignal;
}

/**
 * The dashboard, mounted at `/` after the API: secure headers on everything; `/assets/*`
 * and the login routes public; every page behind `dashboardAccess` (a GET needs a viewer,
 * a POST an operator and its CSRF token). Public routes of other parts (`/status/*`) must be
 * mounted before it, or the access check would catch them. An unknown id or (for a browser)
 * an unknown path gets the dashboard's 404 page; API misses stay JSON.
 */
export function createDashboard(services: HttpServices, options: DashboardOptions): Hono {
  const app = new Hono();
  app.use('*', dashboardSecureHeaders());
  app.route('/', assetsRoute());
  app.route('/', loginRoutes(services, { loopback: options.loopback }));
  const pages = new Hono<DashboardEnv>();
  pages.use('*', dashboardAccess(services, { loopback: options.loopback }));
  pages.route('/', overviewPages(services));
  pages.route('/', probePages(services));
  pages.route('/', liveRoute(services, options.shutdown ? { shutdown: options.shutdown } : {}));
  pages.route('/', alertPages(services));
  pages.route('/', incidentPages(services));
  pages.route('/', backupPages(services));
  pages.route('/', environmentPages(services));
  pages.get('*', dashboardNotFound);
  pages.onError(dashboardErrors);
  app.route('/', pages);
  return app;
}
