import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../store/index.js';
import { QueryService } from '../../query/index.js';
import { TokenService } from '../../tokens/index.js';
import { createTsdb } from '../../tsdb/index.js';
import { FakeClock } from '../../clock/index.js';
import { createApp } from '../create-app.js';
import type { HttpServices } from '../http-deps.js';

const T0 = Date.UTC(2026, 0, 1);
const S0 = T0 / 1000;

/** A real tsdb with two probe series sampled every 15 s for 10 minutes. */
async function fixture() {
  const clock = new FakeClock(T0 + 600_000);
  const store = await openMemoryStore();
  const tsdb = createTsdb(store, {});
  for (let t = T0; t <= T0 + 600_000; t += 15_000) {
    tsdb.append('prod/api', [
      { name: 'guardia_probe_up', labels: { env: 'prod', probe: 'api' }, t, v: 1 },
      { name: 'guardia_probe_up', labels: { env: 'prod', probe: 'db' }, t, v: t >= T0 + 300_000 ? 0 : 1 },
      { name: 'requests_total', labels: { env: 'prod', probe: 'api' }, t, v: (t - T0) / 1000, type: 'counter' },
    ]);
  }
  await tsdb.flush();
  const tokens = new TokenService(store, clock);
  const services = {
    project: 'demo',
    tokens,
    query: new QueryService({ tsdb, now: () => clock.now() }),
    now: () => clock.now(),
  } as unknown as HttpServices;
  return { app: createApp(services, { loopback: true }), tokens };
}

const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
});

describe('Prometheus-compatible query API', () => {
  it('answers an instant query in Prometheus shape, values as strings and times in seconds', async () => {
    const { app } = await fixture();
    const res = await app.request(`/api/v1/query?query=${encodeURIComponent('sum by (env) (guardia_probe_up)')}&time=${S0 + 600}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: { env: 'prod' }, value: [S0 + 600, '1'] }] },
    });
  });

  it('takes form POSTs as Grafana sends them, and RFC 3339 times', async () => {
    const { app } = await fixture();
    const res = await app.request('/api/v1/query', form({ query: 'rate(requests_total[5m])', time: '2026-01-01T00:10:00Z' }));
    const body = (await res.json()) as { data: { result: { metric: object; value: [number, string] }[] } };
    expect(body.data.result).toEqual([{ metric: { env: 'prod', probe: 'api' }, value: [S0 + 600, '1'] }]);
  });

  it('returns scalars and strings as [time, "value"]', async () => {
    const { app } = await fixture();
    const scalar = await (await app.request(`/api/v1/query?query=1%2B1&time=${S0}`)).json();
    expect(scalar).toEqual({ status: 'success', data: { resultType: 'scalar', result: [S0, '2'] } });
    const text = await (await app.request(`/api/v1/query?query=${encodeURIComponent('"hi"')}&time=${S0}`)).json();
    expect(text).toEqual({ status: 'success', data: { resultType: 'string', result: [S0, 'hi'] } });
  });

  it('evaluates a range query step by step', async () => {
    const { app } = await fixture();
    const q = new URLSearchParams({ query: 'guardia_probe_up{probe="db"}', start: String(S0 + 240), end: String(S0 + 360), step: '1m' });
    const body = await (await app.request(`/api/v1/query_range?${q}`)).json();
    expect(body).toEqual({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [{ metric: { __name__: 'guardia_probe_up', env: 'prod', probe: 'db' }, values: [[S0 + 240, '1'], [S0 + 300, '0'], [S0 + 360, '0']] }],
      },
    });
  });

  it('lists series, label names and label values', async () => {
    const { app } = await fixture();
    const series = await (await app.request(`/api/v1/series?match[]=guardia_probe_up&start=${S0}&end=${S0 + 600}`)).json();
    expect((series as { data: unknown[] }).data).toHaveLength(2);
    const labels = await (await app.request('/api/v1/labels')).json();
    expect(labels).toEqual({ status: 'success', data: ['__name__', 'env', 'probe'] });
    const values = await (await app.request('/api/v1/label/__name__/values')).json();
    expect(values).toEqual({ status: 'success', data: ['guardia_probe_up', 'requests_total'] });
  });

  it('refuses a bad expression with 400 bad_data in both error shapes', async () => {
    const { app } = await fixture();
    const res = await app.request('/api/v1/query?query=sum(');
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toMatchObject({ status: 'error', errorType: 'bad_data', code: 'promql_invalid' });
    expect(body.error).toBe(body.message);
  });

  it('refuses missing parameters, bad times, bad steps and too many points', async () => {
    const { app } = await fixture();
    const cases: [string, RegExp][] = [
      ['/api/v1/query', /query: missing parameter/],
      ['/api/v1/query?query=up&time=yesterday', /time: expected Unix seconds or RFC 3339/],
      [`/api/v1/query_range?query=up&start=${S0}&end=${S0 + 60}&step=0`, /step: must be a positive duration/],
      [`/api/v1/query_range?query=up&start=${S0}&end=${S0 + 60}&step=fast`, /step: expected seconds or a duration/],
      [`/api/v1/query_range?query=up&start=${S0 + 60}&end=${S0}&step=1`, /end: must not be before start/],
      [`/api/v1/query_range?query=up&start=${S0}&end=${S0 + 86_400}&step=1`, /exceeded maximum resolution of 11000 points/],
      [`/api/v1/query_range?query=up[5m]&start=${S0}&end=${S0 + 60}&step=15`, /needs a scalar or instant-vector expression, got a range vector/],
      ['/api/v1/series', /match\[\]: give at least one series selector/],
    ];
    for (const [url, message] of cases) {
      const res = await app.request(url);
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as { error: string }).error, url).toMatch(message);
    }
  });

  it('needs a token once one exists, like the rest of the API', async () => {
    const { app, tokens } = await fixture();
    const { secret } = await tokens.create('grafana', 'viewer');
    expect((await app.request('/api/v1/query?query=1')).status).toBe(401);
    const ok = await app.request('/api/v1/query?query=1', { headers: { authorization: `Bearer ${secret}` } });
    expect(ok.status).toBe(200);
  });
});
