import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../tokens/index.js';
import { CSRF, dashboardFixture, NOW, probeView, runSamples } from '../overview/dashboard-test-kit.js';
import { probePages } from './probe-pages.js';

const HOUR = 3_600_000;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function probePage(role: Role = 'operator') {
  const fixture = await dashboardFixture([probeView('production', 'api', 'down', 'HTTP 503')], { role });
  close = fixture.close;
  const app = fixture.withCaller(probePages(fixture.services));
  return { ...fixture, app, get: async (path: string) => (await app.request(path)).text() };
}

describe('probe page', () => {
  it('shows exact percentiles from raw samples, the chart data as JSON, and state changes', async () => {
    const { get, write } = await probePage();
    const samples = [];
    // 100 runs in the last hour taking 1..100 ms; down for runs 40..59.
    for (let i = 1; i <= 100; i++) samples.push(...runSamples('production', 'api', NOW - HOUR + i * 30_000, i >= 40 && i < 60 ? 'down' : 'up', i));
    await write(samples);
    const html = await get('/probes/production/api');
    expect(html).toContain('<dt>p50</dt><dd>50.0 ms</dd><dt>p95</dt><dd>95.0 ms</dd><dt>p99</dt><dd>99.0 ms</dd>');
    expect(html).toContain('every run in the range (100 runs): exact');
    const json = /<script type="application\/json" id="latency-data">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    const data = JSON.parse(json) as { t: number[]; series: { label: string; values: unknown[] }[] };
    expect(data.t).toHaveLength(120);
    expect(data.series.map((s) => s.label)).toEqual(['p50', 'p95', 'p99']);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const history = /<h2 id="history">State history<\/h2>(.*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(history.match(/badge badge-(\w+)/g)).toEqual(['badge badge-up', 'badge badge-down', 'badge badge-up']);
  });

  it('says when percentiles are approximated from the minute rollups', async () => {
    const { get, write, tsdb } = await probePage();
    const samples = [];
    for (let t = NOW - 3 * 24 * HOUR; t < NOW - 2 * 24 * HOUR - HOUR; t += 30_000) samples.push(...runSamples('production', 'api', t, 'up', 20));
    await write(samples);
    await tsdb.maintain(NOW);
    const html = await get('/probes/production/api?range=7d');
    expect(html).toContain('each minute&#39;s slowest run');
    expect(html).toContain('<dt>p50</dt><dd>20.0 ms</dd>');
    expect(html).toContain('aria-current="page">7d</a>');
  });

  it('lists recent failures with reasons, without control characters', async () => {
    const { get, events } = await probePage();
    events.emit('probe:result', { probeId: 'production/api', env: 'production', probe: 'api', kind: 'http', status: 'down', reason: 'HTTP 503\u0007 <b>busy</b>', at: NOW - 60_000, durationMs: 3, attempts: 1, metrics: [] });
    const html = await get('/probes/production/api');
    expect(html).toContain('<td class="reason">HTTP 503 &lt;b&gt;busy&lt;/b&gt;</td>');
  });

  it('runs the probe now for an operator and redirects with the outcome', async () => {
    const { app, runs, get } = await probePage();
    expect(await get('/probes/production/api')).toContain('>Run now</button>');
    const res = await app.request('/probes/production/api/run', { method: 'POST', body: new URLSearchParams({ _csrf: CSRF }) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/probes/production/api?notice=ran%20production%2Fapi%3A%20down%20(HTTP%20503)');
    expect(runs).toEqual(['production/api']);
  });

  it('refuses a viewer and a forged CSRF token, running nothing', async () => {
    const viewer = await probePage('viewer');
    expect(await viewer.get('/probes/production/api')).not.toContain('Run now');
    const refused = await viewer.app.request('/probes/production/api/run', { method: 'POST', body: new URLSearchParams({ _csrf: CSRF }) });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('your role is viewer');
    await viewer.close();
    const operator = await probePage();
    const forged = await operator.app.request('/probes/production/api/run', { method: 'POST', body: new URLSearchParams({ _csrf: 'forged' }) });
    expect(forged.status).toBe(403);
    expect(operator.runs).toEqual([]);
  });

  it('answers 404 for an unknown probe', async () => {
    const { app } = await probePage();
    const res = await app.request('/probes/production/nope');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<h1>Not found</h1><p>There is no probe production/nope.</p>');
    expect(html).toContain('<a href="/">Back to the overview</a>');
  });
});
