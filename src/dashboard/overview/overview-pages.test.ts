import { afterEach, describe, expect, it } from 'vitest';
import type { AlertInstance } from '../../alerts/index.js';
import { dashboardFixture, NOW, probeView, runSamples } from './dashboard-test-kit.js';
import { overviewPages } from './overview-pages.js';

const HOUR = 3_600_000;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

function firing(rule: string): AlertInstance {
  return { fingerprint: rule, rule, env: 'production', state: 'firing', severity: 'critical', labels: { alertname: rule }, annotations: {}, value: 0, activeAt: NOW, firedAt: NOW, resolvedAt: null, updatedAt: NOW };
}

async function overview(probes = [probeView('production', 'api', 'up'), probeView('production', 'db', 'down', 'connect ECONNREFUSED'), probeView('staging', 'web', 'degraded', 'slow')], alerts: AlertInstance[] = []) {
  const fixture = await dashboardFixture(probes, { firing: alerts });
  close = fixture.close;
  const app = fixture.withCaller(overviewPages(fixture.services));
  const get = async (path: string) => (await app.request(path)).text();
  return { ...fixture, get };
}

describe('overview page', () => {
  it('groups probes by environment with state badges in words, reasons, and what is firing', async () => {
    const { get } = await overview(undefined, [firing('ApiDown')]);
    const html = await get('/');
    expect(html).toContain('<h2 id="env-production">production</h2>');
    expect(html).toContain('<h2 id="env-staging">staging</h2>');
    expect(html).toMatch(/class="badge badge-down"><span aria-hidden="true">✕<\/span> down/);
    expect(html).toMatch(/class="badge badge-degraded">.*degraded/);
    expect(html).toContain('connect ECONNREFUSED');
    expect(html).toContain('1 alert is firing: <strong>ApiDown</strong>');
    expect(html).toContain('sse-swap="probe-production/db"');
    expect(html).toContain('href="/probes/production/db"');
  });

  it('filters by environment, state and text on the server', async () => {
    const { get } = await overview();
    const byEnv = await get('/?env=staging');
    expect(byEnv).toContain('>web</a>');
    expect(byEnv).not.toContain('>api</a>');
    const byState = await get('/?state=down');
    expect(byState).toContain('>db</a>');
    expect(byState).not.toContain('>api</a>');
    expect(byState).toContain('1 probe match.');
    const byText = await get('/?q=API');
    expect(byText).toContain('>api</a>');
    expect(byText).not.toContain('>db</a>');
    expect(byText).toContain('value="API"');
    expect(await get('/?state=bogus')).toContain('3 probes match.');
  });

  it('pages 50 probes at a time, keeping the filters in the links', async () => {
    const many = Array.from({ length: 120 }, (_, i) => probeView('production', `p${String(i).padStart(3, '0')}`, i % 2 ? 'up' : 'down'));
    const { get } = await overview(many);
    const first = await get('/');
    expect(first.match(/<tr><th scope="row">/g)).toHaveLength(50);
    expect(first).toContain('Page 1 of 3');
    expect(first).toContain('href="/?page=2"');
    const last = await get('/?page=3');
    expect(last.match(/<tr><th scope="row">/g)).toHaveLength(20);
    expect(last).toContain('>p119</a>');
    const filtered = await get('/?state=down&page=2');
    expect(filtered).toContain('Page 2 of 2');
    expect(filtered).toContain('href="/?state=down"');
    expect(await get('/?page=999')).toContain('Page 3 of 3');
  });

  it('shows uptime from the hourly rollups and a latency sparkline from the last hour', async () => {
    const { get, write, tsdb } = await overview([probeView('production', 'api', 'up')]);
    const samples = [];
    // Two days of a run a minute: down for the first 30 minutes of the last full hour.
    for (let t = NOW - 48 * HOUR; t < NOW; t += 60_000) {
      const down = t >= NOW - 2 * HOUR && t < NOW - 2 * HOUR + 30 * 60_000;
      samples.push(...runSamples('production', 'api', t, down ? 'down' : 'up', 10 + ((t / 60_000) % 7)));
    }
    await write(samples);
    await tsdb.maintain(NOW);
    const html = await get('/');
    // Hourly buckets exist for the hours whose minutes are rolled up: 23 of the last 24, 47 of the two days.
    expect(html).toContain('<td class="num">97.82%</td>'); // 1 - 30/1380
    expect(html).toContain('<td class="num wide">98.93%</td>'); // 1 - 30/2820
    expect(html).toMatch(/<svg class="spark"[^>]*aria-label="Latency over the last hour: \d+ to 16 ms"/);
    expect(html).toMatch(/<polyline points="[\d., ]+"/);
  });
});
