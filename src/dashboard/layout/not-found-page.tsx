import type { Context, ErrorHandler, MiddlewareHandler } from 'hono';
import { NotFoundError } from '../../errors.js';
import type { DashboardEnv } from '../dashboard-env.js';
import type { Section } from '../page-shell.js';
import { renderPage } from './ops-page.js';

/** Paths that belong to the API and other non-dashboard routes: their misses stay JSON. */
const NOT_DASHBOARD = /^\/(api|metrics|livez|readyz|push|ack|status|assets)(\/|\.|$)/;
const SECTIONS: readonly Section[] = ['probes', 'alerts', 'incidents', 'backups', 'environments'];

/** The dashboard's 404 page inside the layout, its section taken from the path's first segment. */
export function notFoundPage(c: Context<DashboardEnv>, message: string) {
  const first = c.req.path.split('/')[1] ?? '';
  const section = SECTIONS.find((s) => s === first) ?? 'overview';
  // Probes have no list of their own: the overview lists them.
  const back = section === 'overview' || section === 'probes' ? <a href="/">Back to the overview</a> : <a href={`/${section}`}>Back to {section}</a>;
  const body = (
    <>
      <p>{message}</p>
      <p>{back}</p>
    </>
  );
  return renderPage(c, { title: 'Not found', section, body }, 404);
}

/**
 * The pages' error handler: a `NotFoundError` thrown while rendering a page (an unknown
 * incident, probe or backup id) becomes the 404 page; anything else goes on to the app's
 * JSON error handler.
 */
export const dashboardErrors: ErrorHandler<DashboardEnv> = (error, c) => {
  if (error instanceof NotFoundError && !NOT_DASHBOARD.test(c.req.path)) return notFoundPage(c, error.message);
  throw error;
};

/**
 * Mounted last: a GET of an unknown path that asks for HTML (a browser) gets the 404 page;
 * API paths and other clients fall through to the app's JSON "no route".
 */
export const dashboardNotFound: MiddlewareHandler<DashboardEnv> = async (c, next) => {
  if (NOT_DASHBOARD.test(c.req.path) || !(c.req.header('accept') ?? '').includes('text/html')) return next();
  return notFoundPage(c, `There is no page at ${c.req.path}.`);
};
