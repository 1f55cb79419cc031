import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { httpStatusOf, InvalidRequestError, toPublicError } from '../../errors.js';
import { requireAccess, type AccessEnv } from '../access.js';
import type { HttpServices } from '../http-deps.js';

import { parsePromDuration, parsePromTime, promData, promMatrix } from '../../query/index.js';

/** What `/api/v1/series` and `/labels` cover when the caller gives no `start`. */
const DEFAULT_METADATA_WINDOW_MS = 3_600_000;

interface Params {
  get(name: string): string | undefined;
  all(name: string): string[];
}

/**
 * The read side of Prometheus's HTTP API (`/api/v1/query`, `query_range`, `series`,
 * `labels`, `label/<name>/values`, `status/buildinfo`), GET or form POST, so Grafana's
 * Prometheus data source and other tools can read guardia. Errors keep guardia's
 * `{code, message}` and add Prometheus's `{status, errorType, error}`.
 */
export function prometheusRoutes(
  services: HttpServices,
  options: { loopback: boolean; redact: (text: string) => string; onError?: (error: unknown) => void },
): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const read = requireAccess(services, { loopback: options.loopback, write: false });
  const query = () => services.query;
  const both = (path: string, handler: (p: Params, c: Context<AccessEnv>) => Promise<unknown>) => {
    const run = async (c: Context<AccessEnv>) => c.json({ status: 'success', data: await handler(await paramsOf(c), c) });
    app.get(path, read, run);
    app.post(path, read, run);
  };

  both('/query', async (p) => {
    const at = parsePromTime('time', p.get('time'), services.now());
    parsePromDuration('timeout', p.get('timeout'));
    return promData((await query().instant(required(p, 'query'), at)).value);
  });
  both('/query_range', async (p) => {
    const start = parsePromTime('start', required(p, 'start'), 0);
    const end = parsePromTime('end', required(p, 'end'), 0);
    const step = parsePromDuration('step', required(p, 'step')) ?? 0;
    parsePromDuration('timeout', p.get('timeout'));
    return promMatrix(await query().range(required(p, 'query'), start, end, step));
  });
  both('/series', async (p) => {
    const [start, end] = window(p, services.now());
    return query().series(p.all('match[]'), start, end);
  });
  both('/labels', async (p) => {
    const [start, end] = window(p, services.now());
    return query().labelNames(p.all('match[]'), start, end);
  });
  app.get('/label/:name/values', read, async (c) => {
    const p = await paramsOf(c);
    const [start, end] = window(p, services.now());
    return c.json({ status: 'success', data: await query().labelValues(c.req.param('name'), p.all('match[]'), start, end) });
  });
  app.get('/status/buildinfo', read, (c) =>
    c.json({ status: 'success', data: { version: '2.42.0', application: 'guardia', revision: '', branch: '', buildUser: '', buildDate: '', goVersion: '' } }),
  );
  app.onError((error, c) => prometheusError(c, error, options.redact, options.onError));
  return app;
}

async function paramsOf(c: Context): Promise<Params> {
  const url = new URL(c.req.url);
  const form = c.req.method === 'POST' ? await c.req.parseBody({ all: true }) : {};
  const fromForm = (name: string): string[] => {
    const value = form[name];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  };
  return {
    get: (name) => fromForm(name)[0] ?? url.searchParams.get(name) ?? undefined,
    all: (name) => [...fromForm(name), ...url.searchParams.getAll(name)],
  };
}

function required(p: Params, name: string): string {
  const value = p.get(name);
  if (value === undefined || value === '') throw new InvalidRequestError(`${name}: missing parameter`);
  return value;
}

function window(p: Params, now: number): [number, number] {
  const end = parsePromTime('end', p.get('end'), now);
  return [parsePromTime('start', p.get('start'), end - DEFAULT_METADATA_WINDOW_MS), end];
}

const ERROR_TYPES: Record<number, string> = { 400: 'bad_data', 422: 'execution', 503: 'unavailable' };

function prometheusError(c: Context, error: unknown, redact: (text: string) => string, log?: (error: unknown) => void) {
  const status = httpStatusOf(error) as ContentfulStatusCode;
  if (status >= 500) log?.(error);
  const { code, message } = toPublicError(error, redact);
  return c.json({ status: 'error', errorType: ERROR_TYPES[status] ?? code, error: message, code, message }, status);
}
