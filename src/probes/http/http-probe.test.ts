import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock/index.js';
import type { Clock } from '../../clock/index.js';
import type { HttpProbeSpec } from '../../config/resolved-config.js';
import { closedPort, httpServer, httpSpec } from '../internal/probe-test-kit.js';
import type { TestServer } from '../internal/probe-test-kit.js';
import type { ProbeOutcome } from '../probe.js';
import { HttpProbe } from './http-probe.js';

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('all ok'),
  '/unhealthy': (_req, res) =>
    json(res, 503, { status: 'unhealthy', checks: { db: { status: 'down', latency_ms: 812 }, redis: { status: 'ok', latency_ms: 3 } } }),
  '/degraded': (_req, res) =>
    json(res, 200, { status: 'degraded', checks: { db: { status: 'ok', latency_ms: 12 }, redis: { status: 'degraded', latency_ms: 230 }, queue: 'UP' } }),
  '/weird-health': (_req, res) => json(res, 200, { status: 'sideways' }),
  '/api': (_req, res) => json(res, 200, { status: 'healthy', version: '1.2.3', checks: { db: { status: 'ok', latency_ms: 812 } }, tags: ['a', 'b'] }),
  '/echo-auth': (req, res) => res.writeHead(req.headers.authorization === `Basic ${btoa('admin:s3cret')}` ? 500 : 200).end(),
  '/whoami': (req, res) => res.writeHead(200).end(String(req.headers['user-agent'])),
  '/old': (_req, res) => res.writeHead(301, { location: 'new?x=1' }).end(),
  '/new': (req, res) => res.writeHead(200).end(`arrived at ${req.url}`),
  '/a': (_req, res) => res.writeHead(302, { location: '/b' }).end(),
  '/b': (_req, res) => res.writeHead(302, { location: '/a' }).end(),
};

let server: TestServer;

beforeAll(async () => {
  server = await httpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const chain = /^\/hop\/(\d+)$/.exec(path);
    if (chain) return res.writeHead(302, { location: `/hop/${Number(chain[1]) + 1}` }).end();
    const route = routes[path];
    if (route) return route(req, res);
    res.writeHead(404).end();
  });
});

afterAll(() => server.close());

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function run(spec: HttpProbeSpec, clock: Clock = systemClock): Promise<ProbeOutcome> {
  return new HttpProbe(spec).run({ signal: new AbortController().signal, clock, timeoutMs: 5_000 });
}

function metric(outcome: ProbeOutcome, name: string, labels: Record<string, string> = {}): number | undefined {
  return outcome.metrics?.find((m) => m.name === name && Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value;
}

describe('HttpProbe status and health', () => {
  it('is up on 2xx and reports the status code', async () => {
    const outcome = await run(httpSpec(`${server.url}/ok`));
    expect(outcome).toMatchObject({ status: 'up', reason: 'HTTP 200' });
    expect(metric(outcome, 'guardia_probe_http_status_code')).toBe(200);
  });

  it('is down on 503 with an unhealthy health document, naming the failing check', async () => {
    const outcome = await run(httpSpec(`${server.url}/unhealthy`));
    expect(outcome.status).toBe('down');
    expect(outcome.reason).toBe('HTTP 503 (expected 2xx); health "unhealthy": db down (812 ms)');
    expect(metric(outcome, 'guardia_probe_check_status', { check: 'db' })).toBe(2);
    expect(metric(outcome, 'guardia_probe_check_status', { check: 'redis' })).toBe(0);
  });

  it('is degraded on a degraded health document and writes a series per sub-check', async () => {
    const outcome = await run(httpSpec(`${server.url}/degraded`));
    expect(outcome).toMatchObject({ status: 'degraded', reason: 'health "degraded": redis degraded (230 ms)' });
    expect(metric(outcome, 'guardia_probe_check_status', { check: 'redis' })).toBe(1);
    expect(metric(outcome, 'guardia_probe_check_status', { check: 'queue' })).toBe(0); // case-insensitive "UP"
    expect(metric(outcome, 'guardia_probe_check_latency_seconds', { check: 'redis' })).toBeCloseTo(0.23);
    expect(metric(outcome, 'guardia_probe_check_latency_seconds', { check: 'queue' })).toBeUndefined();
  });

  it('reads a status outside the vocabulary as no health JSON in auto mode, as down in on mode, and honours a custom vocabulary', async () => {
    expect(await run(httpSpec(`${server.url}/weird-health`))).toMatchObject({ status: 'up', reason: 'HTTP 200' });
    const strict = httpSpec(`${server.url}/weird-health`, { health: { mode: 'on' } });
    expect(await run(strict)).toMatchObject({ status: 'down', reason: 'health "sideways"' });
    const custom = httpSpec(`${server.url}/weird-health`, { health: { vocabulary: { up: ['SIDEWAYS'], degraded: [], down: [] } } });
    expect((await run(custom)).status).toBe('up');
  });

  it('ignores plain bodies in auto mode but requires health JSON in on mode', async () => {
    expect((await run(httpSpec(`${server.url}/ok`, { health: { mode: 'auto' } }))).status).toBe('up');
    expect(await run(httpSpec(`${server.url}/ok`, { health: { mode: 'on' } }))).toMatchObject({ status: 'down', reason: 'body is not JSON' });
    expect((await run(httpSpec(`${server.url}/unhealthy`, { health: { mode: 'off' }, expect: { status: [{ min: 503, max: 503 }] } }))).status).toBe('up');
  });
});

describe('HttpProbe body and header checks', () => {
  it('matches a JSON subset and names the first difference', async () => {
    const pass = httpSpec(`${server.url}/api`, { expect: { json: { status: 'healthy', checks: { db: { status: 'ok' } }, tags: ['a', 'b'] } } });
    expect((await run(pass)).status).toBe('up');
    const fail = httpSpec(`${server.url}/api`, { expect: { json: { status: 'healthy', tags: ['a'] } } });
    expect(await run(fail)).toMatchObject({ status: 'down', reason: '$.tags is ["a","b"], expected ["a"]' });
    const missing = httpSpec(`${server.url}/api`, { expect: { json: { checks: { redis: { status: 'ok' } } } } });
    expect((await run(missing)).reason).toBe('$.checks.redis is missing, expected an object');
  });

  it('evaluates JSON-path conditions', async () => {
    const pass = httpSpec(`${server.url}/api`, {
      expect: {
        jsonPath: [
          { path: '$.version', op: 'matches', value: '^1\\.' },
          { path: '$.tags[1]', op: 'equals', value: 'b' },
          { path: '$.checks.db.latency_ms', op: 'gte', value: 800 },
          { path: '$.nope', op: 'exists', value: false },
          { path: "$['status']", op: 'not_equals', value: 'down' },
        ],
      },
    });
    expect(await run(pass)).toMatchObject({ status: 'up' });
    const fail = httpSpec(`${server.url}/api`, { expect: { jsonPath: [{ path: '$.checks.db.latency_ms', op: 'lt', value: 500 }, { path: '$.uptime', op: 'exists' }] } });
    expect(await run(fail)).toMatchObject({ status: 'down', reason: '$.checks.db.latency_ms is 812, expected < 500; $.uptime is missing' });
  });

  it('checks body and header regexes', async () => {
    expect((await run(httpSpec(`${server.url}/ok`, { expect: { body: 'all ok', headers: { 'content-type': '^text/' } } }))).status).toBe('up');
    expect((await run(httpSpec(`${server.url}/ok`, { expect: { body: '^ok$' } }))).reason).toBe('body does not match /^ok$/');
    expect((await run(httpSpec(`${server.url}/ok`, { expect: { headers: { 'content-type': 'json' } } }))).reason).toBe('header content-type is "text/plain", expected /json/');
    expect((await run(httpSpec(`${server.url}/ok`, { expect: { headers: { 'x-trace': '.' } } }))).reason).toBe('header x-trace is missing');
  });

  it('is down when slower than maxLatencyMs', async () => {
    let t = 0;
    const slowClock: Clock = { ...systemClock, now: () => (t += 600) };
    const outcome = await run(httpSpec(`${server.url}/ok`, { expect: { maxLatencyMs: 500 } }), slowClock);
    expect(outcome).toMatchObject({ status: 'down', reason: 'too slow: 600 ms > 500 ms' });
  });
});

describe('HttpProbe redirects and credentials', () => {
  it('follows a relative Location', async () => {
    const outcome = await run(httpSpec(`${server.url}/old`, { expect: { body: '^arrived at /new\\?x=1$' } }));
    expect(outcome.status).toBe('up');
  });

  it('names a redirect loop', async () => {
    expect(await run(httpSpec(`${server.url}/a`))).toMatchObject({ status: 'down', reason: 'redirect loop: /a → /b → /a' });
  });

  it('stops after maxRedirects', async () => {
    expect(await run(httpSpec(`${server.url}/hop/0`, { maxRedirects: 3 }))).toMatchObject({ status: 'down', reason: 'too many redirects (more than 3)' });
  });

  it('does not follow when told not to', async () => {
    expect((await run(httpSpec(`${server.url}/old`, { followRedirects: false }))).reason).toBe('HTTP 301 (expected 2xx)');
  });

  it('sends URL credentials as basic auth but never shows them', async () => {
    const url = `${server.url.replace('://', '://admin:s3cret@')}/echo-auth`;
    const outcome = await run(httpSpec(url));
    expect(outcome.reason).toBe('HTTP 500 (expected 2xx)');
    const refused = await run(httpSpec(`http://admin:s3cret@127.0.0.1:${await closedPort()}/`));
    expect(refused.status).toBe('down');
    expect(refused.reason).not.toContain('s3cret');
  });

  it('drops credentials on a redirect to another origin', async () => {
    const other = await httpServer((req, res) => res.writeHead(req.headers.authorization ? 500 : 200).end());
    try {
      routes['/elsewhere'] = (_req, res) => res.writeHead(307, { location: `${other.url}/landing` }).end();
      const outcome = await run(httpSpec(`${server.url}/elsewhere`, { headers: { Authorization: 'Bearer t0ken' } }));
      expect(outcome).toMatchObject({ status: 'up', reason: 'HTTP 200' });
    } finally {
      await other.close();
    }
  });

  it('identifies itself unless told otherwise', async () => {
    expect((await run(httpSpec(`${server.url}/whoami`, { expect: { body: '^guardia$' } }))).status).toBe('up');
    const custom = httpSpec(`${server.url}/whoami`, { headers: { 'User-Agent': 'ops-bot' }, expect: { body: '^ops-bot$' } });
    expect((await run(custom)).status).toBe('up');
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    expect(await run(httpSpec(`http://127.0.0.1:${port}/`))).toMatchObject({ status: 'down', reason: `connect ECONNREFUSED 127.0.0.1:${port}` });
  });
});
