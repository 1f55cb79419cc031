import { Hono } from 'hono';
import { FakeClock } from '../../clock/index.js';
import type { HttpServices } from '../../http/http-deps.js';
import { openMemoryStore } from '../../store/index.js';
import { TokenService } from '../../tokens/index.js';
import { SessionService, userAccess, UserService } from '../../users/index.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { csrfField } from './csrf.js';
import { dashboardAccess } from './dashboard-access.js';
import { loginRoutes } from './login-routes.js';
import { dashboardSecureHeaders } from './secure-headers.js';

/**
 * A dashboard-shaped app for the access tests: login routes, a page showing the caller and
 * a form post that counts what it changed, behind the real middleware and a fake clock.
 */
export async function accessTestApp(options: { loopback?: boolean } = {}) {
  const clock = new FakeClock(Date.UTC(2026, 10, 22, 12));
  const store = await openMemoryStore();
  const tokens = new TokenService(store, clock);
  const users = new UserService(store, clock);
  const sessions = new SessionService(store, clock);
  // Only what the access code uses; the rest of HttpServices has its own tests.
  const services = { project: 'demo', tokens, users: userAccess(users, sessions), now: () => clock.now() } as unknown as HttpServices;
  const loopback = options.loopback ?? false;
  const changes: string[] = [];
  const app = new Hono<DashboardEnv>();
  app.use('*', dashboardSecureHeaders());
  app.route('/', loginRoutes(services, { loopback }));
  app.use('/app/*', dashboardAccess(services, { loopback }));
  app.get('/app/page', (c) => c.text(`${c.get('caller').name} ${c.get('caller').role} ${c.get('caller').via} csrf=${c.get('csrfToken')}`));
  app.get('/app/form', (c) => c.html(csrfField(c)));
  app.post('/app/things', async (c) => {
    const body = await c.req.parseBody();
    changes.push(`${c.get('caller').name}:${String(body['thing'])}`);
    return c.text('changed');
  });
  return { app, clock, store, services, tokens, users, sessions, changes };
}

/** Logs in through the form the way a browser does and returns the session cookie and CSRF token. */
export async function logIn(app: Hono<DashboardEnv>, name: string, password: string, next = '/') {
  const form = await app.request(`/login?next=${encodeURIComponent(next)}`);
  const pre = cookieValue(form, 'guardia_login_csrf');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const response = await app.request(`/login?next=${encodeURIComponent(next)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `guardia_login_csrf=${pre}` },
    body: new URLSearchParams({ _csrf: csrf, name, password }).toString(),
  });
  const session = cookieValue(response, 'guardia_session');
  const page = await app.request('/app/page', { headers: { cookie: `guardia_session=${session}` } });
  const csrfToken = /csrf=(\S+)/.exec(await page.text())?.[1] ?? '';
  return { response, session, csrfToken, cookie: `guardia_session=${session}` };
}

/** The value a Set-Cookie header gives `name`, or '' when it is not set. */
export function cookieValue(response: Response, name: string): string {
  for (const header of response.headers.getSetCookie()) {
    const match = new RegExp(`^${name}=([^;]*)`).exec(header);
    if (match) return match[1] ?? '';
  }
  return '';
}
