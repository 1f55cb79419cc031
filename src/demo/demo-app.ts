import { Hono } from 'hono';
import { Counter, Histogram, Registry } from 'prom-client';
import type { Clock } from '../clock/index.js';
import { DEMO_MODES, isDemoMode, type DemoMode } from './demo-mode.js';
import { demoPage } from './demo-page.js';

export interface DemoApp {
  app: Hono;
  mode(): DemoMode;
  setMode(mode: DemoMode): void;
}

/** How long `slow` mode holds every response. */
const SLOW_MS = 1_500;

/**
 * A small web app shaped like the seeds' services: `/health` (status + checks JSON),
 * `/health/ready`, `/health/live`, `/metrics`, an `/api/items` endpoint, and switches
 * (`POST /switch/<mode>`) that make it slow, degraded or failing.
 */
export function createDemoApp(clock: Clock, initial: DemoMode = 'ok'): DemoApp {
  let mode: DemoMode = initial;
  const registry = new Registry();
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests served, by route and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency.',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const app = new Hono();

  app.use(async (c, next) => {
    const started = clock.now();
    if (mode === 'slow' && c.req.path !== '/metrics' && !c.req.path.startsWith('/switch')) await clock.sleep(SLOW_MS);
    await next();
    const route = c.req.routePath || c.req.path;
    requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    latency.observe({ route }, (clock.now() - started) / 1000);
  });
  app.get('/', (c) => c.html(demoPage(mode)));
  app.get('/health', (c) => {
    const body = healthBody(mode);
    return c.json(body, body.status === 'unhealthy' ? 503 : 200);
  });
  app.get('/health/ready', (c) =>
    mode === 'failing' ? c.json({ status: 'not ready', reason: 'database unreachable' }, 503) : c.json({ status: 'ready' }),
  );
  app.get('/health/live', (c) => c.json({ status: 'ok' }));
  app.get('/api/items', (c) =>
    mode === 'failing' ? c.json({ error: 'database unreachable' }, 500) : c.json({ items: [{ id: 1, name: 'demo' }] }),
  );
  app.get('/metrics', async (c) => c.body(await registry.metrics(), 200, { 'content-type': registry.contentType }));
  app.post('/switch/:mode', async (c) => {
    const next = c.req.param('mode');
    if (!isDemoMode(next)) return c.json({ code: 'invalid_mode', message: `mode must be one of ${DEMO_MODES.join(', ')}` }, 400);
    mode = next;
    return c.req.header('accept')?.includes('text/html') ? c.redirect('/', 303) : c.json({ mode });
  });

  return { app, mode: () => mode, setMode: (next) => (mode = next) };
}

function healthBody(mode: DemoMode) {
  const database = mode === 'failing' ? { status: 'down', error: 'connection refused' } : { status: 'up', latency_ms: 4 };
  const cache = mode === 'degraded' ? { status: 'degraded', latency_ms: 350 } : { status: 'up', latency_ms: 1 };
  const status = mode === 'failing' ? 'unhealthy' : mode === 'degraded' ? 'degraded' : 'healthy';
  return { status, version: '1.0.0', checks: { database, cache } };
}
