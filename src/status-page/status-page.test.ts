import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import type { EnvironmentConfig, MaintenanceWindowConfig } from '../config/index.js';
import { IncidentRepository, IncidentService } from '../incidents/index.js';
import type { ProbeView } from '../http/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { createTsdb, type Tsdb } from '../tsdb/index.js';
import { statusPageRoutes } from './status-page-routes.js';
import type { StatusPageReport } from './status-page-report.js';
import { StatusPageService } from './status-page-service.js';

const NOW = Date.UTC(2026, 10, 22, 12);
const H = 3_600_000;
const LEAK = 'db-7.internal.example.net';

const production: EnvironmentConfig = {
  name: 'production',
  tier: 'production',
  probes: [],
  statusPage: {
    title: 'Acme status',
    description: 'How Acme is doing.',
    components: [{ probe: 'api', name: 'API' }, { probe: 'web', name: 'Website' }, { probe: 'db', name: 'Database' }],
    incidents: true,
  },
};
const maintenance: MaintenanceWindowConfig[] = [
  { name: 'database-upgrade', env: 'production', match: { host: LEAK }, schedule: { kind: 'once', startMs: NOW + H, endMs: NOW + 3 * H } },
  { name: 'staging-only', env: 'staging', match: {}, schedule: { kind: 'once', startMs: NOW + H, endMs: NOW + 2 * H } },
];

/** Probe views as the status service has them: targets and reasons full of internals. */
function probeViews(): Partial<ProbeView>[] {
  const view = (name: string, status: ProbeView['status']) => ({ name, status, target: `https://${LEAK}/${name}`, reason: `connect ECONNREFUSED ${LEAK}:5432` });
  return [view('api', 'down'), view('web', 'degraded'), view('db', 'unknown'), view('secret-probe', 'up')];
}

describe('status page', () => {
  let store: Store;
  let tsdb: Tsdb;
  let service: IncidentService;
  let repository: IncidentRepository;
  let app: ReturnType<typeof statusPageRoutes>;
  let clock: FakeClock;

  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    tsdb = createTsdb(store);
    clock = new FakeClock(NOW);
    repository = new IncidentRepository(store);
    service = new IncidentService({ repository, clock });
    const pages = new StatusPageService({
      environments: [production, { name: 'staging', tier: 'staging', probes: [] }],
      maintenance,
      tsdb,
      now: () => clock.now(),
      probeStatuses: async () => probeViews().map((v) => ({ name: v.name ?? '', status: v.status ?? 'unknown' })),
      incidents: { list: () => service.list(), detail: (id) => service.detail(id) },
    });
    app = statusPageRoutes(pages);
  });

  afterEach(() => store.close());

  /** `api` up every 10 minutes for two days, except down from 00:00 to 06:00 yesterday. */
  async function recordUptime(): Promise<void> {
    const yesterday = Date.UTC(2026, 10, 21);
    const samples = [];
    for (let t = NOW - 48 * H; t <= NOW; t += 600_000) {
      const down = t >= yesterday && t < yesterday + 6 * H;
      samples.push({ name: 'guardia_probe_up', labels: { env: 'production', probe: 'api' }, t, v: down ? 0 : 1, type: 'gauge' as const });
    }
    tsdb.append('production/api', samples);
    await tsdb.maintain(NOW - 5 * 60_000);
  }

  async function openIncident(title: string, severity: 'SEV1' | 'SEV2', probe: string, env = 'production') {
    const incident = await repository.create({ title, severity, env, runbook: null, openedAt: NOW - H, escalation: { round: 0, step: 0, baseMs: NOW - H, dueMs: null } });
    await repository.putAlert(incident.id, {
      fingerprint: `fp-${probe}-${env}`, rule: 'ProbeDown', severity: 'critical', state: 'firing',
      labels: { env, probe, instance: LEAK }, annotations: { summary: `${probe} down at ${LEAK}` }, firedAt: NOW - H, resolvedAt: null,
    });
    return incident;
  }

  it('serves the components with their states, 90 daily uptime bars and the overall state as JSON', async () => {
    await recordUptime();
    const res = await app.request('/production.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    const body = (await res.json()) as StatusPageReport;
    expect(body).toMatchObject({ environment: 'production', title: 'Acme status', status: 'outage', incidents: [], generatedAt: NOW });
    expect(body.components.map((c) => [c.name, c.status])).toEqual([
      ['API', 'outage'], ['Website', 'degraded'], ['Database', 'unknown'],
    ]);
    const api = body.components[0] as StatusPageReport['components'][number];
    expect(api.days).toHaveLength(90);
    expect(api.days.at(-1)).toEqual({ date: '2026-11-22', uptime: 100 });
    expect(api.days.at(-2)).toEqual({ date: '2026-11-21', uptime: 75 });
    expect(api.days.at(-3)).toEqual({ date: '2026-11-20', uptime: 100 });
    expect(api.days[0]).toEqual({ date: '2026-08-25', uptime: null });
    expect(api.uptime90d).toBeGreaterThan(87);
    expect(api.uptime90d).toBeLessThan(88);
    expect(body.components[2]).toMatchObject({ uptime90d: null });
    expect(body.maintenance).toEqual([{ name: 'database-upgrade', startsAt: NOW + H, endsAt: NOW + 3 * H, active: false }]);
  });

  it('renders the page without script, form or cookie, with a bar per day titled with its date and uptime', async () => {
    await recordUptime();
    const res = await app.request('/production');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).toContain('<h1>Acme status</h1>');
    expect(html).toContain('How Acme is doing.');
    expect(html).toContain('Some systems are down');
    expect(html.match(/<ol class="bars">/g)).toHaveLength(3);
    expect(html.match(/<li class="[a-z]+" title="\d{4}-\d\d-\d\d: [^"]+">/g)).toHaveLength(270);
    expect(html).toContain('<li class="down" title="2026-11-21: 75% uptime"><span class="vh">2026-11-21: 75% uptime</span></li>');
    expect(html).toContain('<span class="state outage">Outage</span>');
    expect(html).toContain('<span class="state degraded">Degraded performance</span>');
    expect(html).toContain('<span class="state unknown">No data yet</span>');
    expect(html).toContain('Scheduled maintenance');
    expect(html).toContain('Last updated <time datetime="2026-11-22T12:00:00.000Z">2026-11-22 12:00 UTC</time>');
    expect(html).not.toMatch(/<script|<form|<input/);
    const css = await app.request('/status-page.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('shows open incidents of the components with public updates only and a public title', async () => {
    const web = await openIncident(`Latency high on ${LEAK}`, 'SEV2', 'web');
    await service.note(web.id, `restarted pgbouncer on ${LEAK}`, 'alice');
    await service.note(web.id, 'We are looking into slow page loads.', 'alice', { public: true });
    await clock.advance(60_000);
    await service.note(web.id, 'A fix is rolling out.', 'bob', { public: true });
    const api = await openIncident(`api down: ${LEAK}`, 'SEV1', 'api');
    await service.acknowledge(api.id, 'alice');
    await openIncident('elsewhere', 'SEV1', 'api', 'staging');
    await openIncident('not a component', 'SEV1', 'secret-probe');
    const resolved = await openIncident('over', 'SEV1', 'api');
    await service.resolve(resolved.id, 'alice');
    const body = (await (await app.request('/production.json')).json()) as StatusPageReport;
    expect(body.incidents).toHaveLength(2);
    const byId = (id: string) => body.incidents.find((incident) => incident.id === id);
    expect(byId(web.id)).toEqual({
      id: web.id, title: 'We are looking into slow page loads.', status: 'investigating', impact: 'degraded', components: ['Website'], startedAt: NOW - H,
      updates: [{ at: NOW + 60_000, text: 'A fix is rolling out.' }, { at: NOW, text: 'We are looking into slow page loads.' }],
    });
    expect(byId(api.id)).toEqual({ id: api.id, title: 'Outage: API', status: 'identified', impact: 'outage', components: ['API'], startedAt: NOW - H, updates: [] });
    const html = await (await app.request('/production')).text();
    expect(html).toContain('<h3>Outage: API</h3>');
    expect(html).toContain('A fix is rolling out.');
    expect(html).not.toContain('pgbouncer');
  });

  it('never shows hostnames, targets, error texts, alert summaries or probes that are not components', async () => {
    await recordUptime();
    const web = await openIncident(`Latency high on ${LEAK}`, 'SEV2', 'web');
    await service.note(web.id, `ECONNREFUSED from ${LEAK}`, 'alice');
    for (const path of ['/production', '/production.json']) {
      const text = await (await app.request(path)).text();
      expect(text).toContain('Website');
      for (const secret of [LEAK, 'internal.example', 'ECONNREFUSED', 'secret-probe', 'https://', 'alice', 'Latency high', 'ProbeDown', 'fp-']) {
        expect(text, `${path} shows ${secret}`).not.toContain(secret);
      }
    }
  });

  it('answers the same 404 for an environment without a page and for an unknown name', async () => {
    const bodies = [];
    for (const path of ['/staging', '/nope', '/staging.json', '/nope.json', '/production/extra']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('set-cookie')).toBeNull();
      bodies.push(await res.text());
    }
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[2]).toBe(bodies[3]);
    expect(bodies.join('')).not.toMatch(/staging|production/);
  });
});
