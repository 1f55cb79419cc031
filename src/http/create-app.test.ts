import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import { NotFoundError } from '../errors.js';
import { OutboxRepository, SilenceService } from '../notifiers/index.js';
import { openMemoryStore } from '../store/index.js';
import { QueryService } from '../query/index.js';
import { TokenService } from '../tokens/index.js';
import { createTsdb } from '../tsdb/index.js';
import { createApp } from './create-app.js';
import type { HttpServices, ProbeView } from './http-deps.js';

const probe: ProbeView = {
  id: 'prod/api',
  env: 'prod',
  name: 'api',
  kind: 'http',
  target: 'http://127.0.0.1:1/health',
  everyMs: 10_000,
  status: 'up',
  reason: 'HTTP 200',
  since: 0,
  lastRun: 0,
  durationMs: 12,
};

async function fixture(loopback = true) {
  const clock = new FakeClock();
  const store = await openMemoryStore();
  const tokens = new TokenService(store, clock);
  const pings: unknown[] = [];
  let ran = 0;
  const services: HttpServices = {
    project: 'demo',
    status: {
      environments: async () => [{ name: 'prod', status: 'up', counts: { up: 1, degraded: 0, down: 0, unknown: 0 }, probes: [probe] }],
      environment: async (name) => {
        if (name !== 'prod') throw new NotFoundError(`no environment "${name}"`);
        return { name, status: 'up', counts: { up: 1, degraded: 0, down: 0, unknown: 0 }, probes: [probe] };
      },
    },
    probes: {
      list: async () => [probe],
      get: async () => probe,
      samples: async (id, q) => ({ probe: id, metric: q.metric ?? 'm', from: q.from ?? 0, to: q.to ?? 0, resolution: 'raw', series: [] }),
      runNow: async (id) => {
        ran++;
        return { probeId: id, env: 'prod', probe: 'api', kind: 'http', status: 'up', reason: 'ok', at: 0, durationMs: 1, attempts: 1, metrics: [] };
      },
    },
    heartbeats: {
      recordPing: async (token, kind, exitStatus) => {
        pings.push({ token, kind, exitStatus });
        return token === 'known-token';
      },
    },
    tokens,
    alerts: { list: async () => [] },
    silences: new SilenceService(store, clock),
    outbox: new OutboxRepository(store),
    incidents: {
      list: async () => [],
      view: async (id) => {
        throw new NotFoundError(`no incident "${id}"`);
      },
      acknowledge: async (id) => {
        throw new NotFoundError(`no incident "${id}"`);
      },
      resolve: async (id) => {
        throw new NotFoundError(`no incident "${id}"`);
      },
      assign: async (id) => {
        throw new NotFoundError(`no incident "${id}"`);
      },
      note: async (id) => {
        throw new NotFoundError(`no incident "${id}"`);
      },
      verifyAckLink: async () => false,
    },
    query: new QueryService({ tsdb: createTsdb(store, {}), now: () => clock.now() }),
    configSummary: () => ({ project: 'demo', database: 'postgres://u:***@db/app' }),
    metrics: { contentType: 'text/plain; version=0.0.4', render: async () => 'guardia_up 1\n' },
    ready: () => ({ ready: true }),
    now: () => clock.now(),
  };
  const app = createApp(services, { loopback, redact: (t) => t.replaceAll('hunter2', '***') });
  return { app, tokens, pings, ran: () => ran };
}

describe('HTTP API access', () => {
  it('opens reads on a loopback listener until the first token exists', async () => {
    const { app, tokens } = await fixture();
    expect((await app.request('/api/v1/status')).status).toBe(200);
    const created = await tokens.create('reader', 'viewer');
    const denied = await app.request('/api/v1/status');
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ code: 'unauthorized', message: 'this needs a token: Authorization: Bearer <token>' });
    const allowed = await app.request('/api/v1/status', { headers: { authorization: `Bearer ${created.secret}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ project: 'demo', environments: [{ name: 'prod' }] });
  });

  it('never opens reads on a non-loopback listener', async () => {
    const { app } = await fixture(false);
    expect((await app.request('/api/v1/probes')).status).toBe(401);
  });

  it('needs an operator token to run a probe, and says which role is missing', async () => {
    const { app, tokens, ran } = await fixture();
    expect((await app.request('/api/v1/probes/prod/api/run', { method: 'POST' })).status).toBe(401);
    const viewer = await tokens.create('v', 'viewer');
    const forbidden = await app.request('/api/v1/probes/prod/api/run', { method: 'POST', headers: { authorization: `Bearer ${viewer.secret}` } });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ code: 'forbidden', message: 'token "v" has role viewer; this needs operator' });
    const operator = await tokens.create('o', 'operator');
    const ok = await app.request('/api/v1/probes/prod/api/run', { method: 'POST', headers: { authorization: `Bearer ${operator.secret}` } });
    expect(ok.status).toBe(200);
    expect(ran()).toBe(1);
  });

  it('rejects a revoked or malformed token', async () => {
    const { app, tokens } = await fixture();
    const created = await tokens.create('x', 'admin');
    await tokens.revoke('x');
    for (const header of [`Bearer ${created.secret}`, 'Basic abc', 'Bearer']) {
      const res = await app.request('/api/v1/status', { headers: { authorization: header } });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'unauthorized' });
    }
  });
});

describe('HTTP API errors', () => {
  it('answers unknown routes and names with {code, message}', async () => {
    const { app } = await fixture();
    const missing = await app.request('/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'not_found', message: 'no route for GET /api/v1/nope' });
    const env = await app.request('/api/v1/status/nope');
    expect(await env.json()).toEqual({ code: 'not_found', message: 'no environment "nope"' });
  });

  it('validates time parameters', async () => {
    const { app } = await fixture();
    const bad = await app.request('/api/v1/probes/prod/api/samples?from=yesterday');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: 'invalid_request', message: 'from: expected epoch ms, RFC 3339 or -15m/-2h/-1d, got "yesterday"' });
    const ok = await app.request('/api/v1/probes/prod/api/samples?from=-1h&metric=guardia_probe_up');
    expect(await ok.json()).toMatchObject({ metric: 'guardia_probe_up', from: Date.UTC(2026, 0, 1) - 3_600_000 });
  });

  it('hides unexpected errors behind a generic message', async () => {
    const { app } = await fixture();
    app.get('/boom', () => {
      throw new Error('select * from secrets where password = hunter2');
    });
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 'internal', message: 'internal error; rerun with --debug for details' });
  });
});

describe('heartbeat pushes', () => {
  it('takes success, start, fail and exit statuses on any method', async () => {
    const { app, pings } = await fixture();
    expect((await app.request('/push/known-token')).status).toBe(200);
    expect((await app.request('/push/known-token/start', { method: 'POST' })).status).toBe(200);
    expect((await app.request('/push/known-token/fail', { method: 'PUT' })).status).toBe(200);
    expect(await (await app.request('/push/known-token/3')).json()).toEqual({ ok: true, kind: 'fail', exitStatus: 3 });
    expect(await (await app.request('/push/known-token/0')).json()).toEqual({ ok: true, kind: 'success', exitStatus: 0 });
    expect(pings).toHaveLength(5);
  });

  it('rejects unknown tokens and actions', async () => {
    const { app } = await fixture();
    expect((await app.request('/push/other')).status).toBe(404);
    const bad = await app.request('/push/known-token/256');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_request' });
  });
});

describe('open endpoints', () => {
  it('serves /livez, /readyz and /metrics without a token even once tokens exist', async () => {
    const { app, tokens } = await fixture(false);
    await tokens.create('x', 'admin');
    expect((await app.request('/livez')).status).toBe(200);
    expect(await (await app.request('/readyz')).json()).toEqual({ status: 'ready' });
    const metrics = await app.request('/metrics');
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toBe('guardia_up 1\n');
  });

  it('answers /status/* itself, without login or cookie, even when no environment has a status page', async () => {
    const { app, tokens } = await fixture(false);
    await tokens.create('x', 'admin');
    for (const path of ['/status/prod', '/status/prod.json']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });
});
