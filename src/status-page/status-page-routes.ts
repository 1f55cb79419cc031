import { Hono, type Context } from 'hono';
import { dashboardSecureHeaders } from '../dashboard/access/index.js';
import type { StatusPages } from './status-page-report.js';
import { STATUS_PAGE_CSS } from './status-page-style.js';
import { renderNotFoundPage, renderStatusPage, STYLESHEET } from './status-page-view.js';

const CACHE = 'public, max-age=30';
const NOT_FOUND = { error: 'not_found', message: 'no status page here' };

/**
 * `GET /<env>` (HTML), `GET /<env>.json` and the page's stylesheet — public: no login, no
 * cookies, no forms, no script, guardia's secure headers. Any name without a status page
 * answers the same 404.
 */
export function statusPageRoutes(pages: StatusPages): Hono {
  const app = new Hono();
  app.use('*', dashboardSecureHeaders());
  // Environment names have no dot, so this never hides a page.
  app.get(`/${STYLESHEET}`, (c) => {
    setCaching(c);
    return c.body(STATUS_PAGE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/:page', async (c) => {
    const name = c.req.param('page');
    const json = name.endsWith('.json');
    const report = await pages.report(json ? name.slice(0, -'.json'.length) : name);
    if (report === undefined) return json ? c.json(NOT_FOUND, 404) : c.html(renderNotFoundPage(), 404);
    setCaching(c);
    return json ? c.json(report) : c.html(renderStatusPage(report));
  });
  app.all('*', (c) => c.html(renderNotFoundPage(), 404));
  return app;
}

function setCaching(c: Context): void {
  c.header('Cache-Control', CACHE);
}
