import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../errors.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { dashboardErrors, dashboardNotFound } from './not-found-page.js';

/** Pages mounted the way createDashboard mounts them, inside an app whose own misses and errors are JSON. */
function app() {
  const pages = new Hono<DashboardEnv>();
  pages.use(async (c, next) => {
    c.set('caller', { name: 'alice', role: 'viewer', via: 'session' });
    c.set('csrfToken', 'token');
    await next();
  });
  pages.get('/incidents/:id', () => {
    throw new NotFoundError('no incident "nope"; list them with: guardia incident list');
  });
  pages.get('/api/v1/things/:id', () => {
    throw new NotFoundError('no thing');
  });
  pages.get('*', dashboardNotFound);
  pages.onError(dashboardErrors);
  const outer = new Hono();
  outer.route('/', pages);
  outer.notFound((c) => c.json({ code: 'not_found' }, 404));
  outer.onError((error, c) => c.json({ code: error instanceof NotFoundError ? error.code : 'internal' }, 404));
  return outer;
}

const html = { headers: { accept: 'text/html,application/xhtml+xml' } };

describe('dashboard 404', () => {
  it('renders an unknown id as a 404 page inside the layout', async () => {
    const res = await app().request('/incidents/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    const text = await res.text();
    expect(text).toContain('<main id="main"');
    expect(text).toContain('no incident &quot;nope&quot;');
    expect(text).toMatch(/<a href="\/incidents" aria-current="page">/);
  });

  it('renders unknown paths as the 404 page for browsers only', async () => {
    const page = await app().request('/no/such/page', html);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('There is no page at /no/such/page.');
    const script = await app().request('/no/such/page');
    expect(await script.json()).toEqual({ code: 'not_found' });
  });

  it('keeps JSON errors on API paths, even for a browser', async () => {
    expect(await (await app().request('/api/v1/nothing', html)).json()).toEqual({ code: 'not_found' });
    expect(await (await app().request('/api/v1/things/1', html)).json()).toEqual({ code: 'not_found' });
  });
});
