import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AlertInstance } from '../../alerts/index.js';
import { FakeClock } from '../../clock/index.js';
import type { HttpServices } from '../../http/http-deps.js';
import { SilenceService } from '../../notifiers/index.js';
import { openMemoryStore } from '../../store/index.js';
import type { Role } from '../../tokens/index.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { alertPages } from './alert-pages.js';

const NOW = Date.UTC(2026, 10, 22, 12);
const CSRF = 'csrf-token-of-the-session';

function alert(rule: string, state: AlertInstance['state'], env: string, severity: AlertInstance['severity']): AlertInstance {
  const labels = { alertname: rule, env, severity, probe: 'api' };
  return { fingerprint: `fp-${rule}`, rule, env, state, severity, labels, annotations: { summary: `${rule} summary` }, value: 1, activeAt: NOW - 600_000, firedAt: state === 'firing' ? NOW - 300_000 : null, resolvedAt: null, updatedAt: NOW };
}

async function fixture(role: Role = 'operator') {
  const clock = new FakeClock(NOW);
  const store = await openMemoryStore();
  const silences = new SilenceService(store, clock);
  const alerts = [alert('ApiDown', 'firing', 'production', 'critical'), alert('SlowApi', 'pending', 'production', 'low'), alert('DbDown', 'firing', 'staging', 'high')];
  // The alert reader is a narrow fake (states come from the rule manager); silences are the real service.
  const services = {
    alerts: { list: async (f: { env?: string } = {}) => alerts.filter((a) => !f.env || a.env === f.env) },
    silences,
    status: { environments: async () => [{ name: 'production' }, { name: 'staging' }] },
    now: () => clock.now(),
  } as unknown as HttpServices;
  const app = new Hono<DashboardEnv>();
  app.use(async (c, next) => {
    c.set('caller', { name: 'alice', role, via: 'session' });
    c.set('csrfToken', CSRF);
    await next();
  });
  app.route('/', alertPages(services));
  const post = (path: string, fields: Record<string, string>) => app.request(path, { method: 'POST', body: new URLSearchParams(fields) });
  return { app, silences, post };
}

const good = { _csrf: CSRF, matchers: 'alertname="ApiDown"\nenv="production"', duration: '1h', customDuration: '', comment: 'deploying the fix' };

describe('alerts pages', () => {
  it('lists firing and pending alerts with labels, since and summary, filtered by env and severity on the server', async () => {
    const { app } = await fixture();
    const html = await (await app.request('/alerts')).text();
    expect(html).toMatch(/<h2 id="firing-title">Firing \(2\)/);
    expect(html).toMatch(/<h2 id="pending-title">Pending \(1\)/);
    expect(html).toContain('ApiDown summary');
    expect(html).toContain('<code>probe=api</code>');
    expect(html).toContain('5m ago');
    const filtered = await (await app.request('/alerts?env=production&severity=critical')).text();
    expect(filtered).toMatch(/Firing \(1\)/);
    expect(filtered).toMatch(/Pending \(0\)/);
    expect(filtered).not.toContain('DbDown');
  });

  it('silences an alert as the caller, moves it to silenced, and expires the silence', async () => {
    const { app, silences, post } = await fixture();
    const created = await post('/alerts/silences', good);
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toMatch(/^\/alerts\?notice=silenced/);
    const [silence] = await silences.list();
    expect(silence).toMatchObject({ author: 'alice', comment: 'deploying the fix', endsAt: NOW + 3_600_000, matchers: [{ name: 'alertname', op: '=', value: 'ApiDown' }, { name: 'env', op: '=', value: 'production' }] });
    const html = await (await app.request('/alerts')).text();
    expect(html).toMatch(/Silenced \(1\)/);
    expect(html).toMatch(/Firing \(1\)/);
    const expired = await post(`/alerts/silences/${silence?.id ?? ''}/expire`, { _csrf: CSRF });
    expect(expired.status).toBe(303);
    expect(await silences.list()).toEqual([]);
  });

  it('takes a custom duration', async () => {
    const { silences, post } = await fixture();
    expect((await post('/alerts/silences', { ...good, duration: 'custom', customDuration: '90m' })).status).toBe(303);
    expect((await silences.list())[0]?.endsAt).toBe(NOW + 90 * 60_000);
  });

  it.each([
    ['an over-long comment', { comment: 'x'.repeat(2001) }, /keep it to 2000/],
    ['a missing comment', { comment: '  ' }, /say why/],
    ['a duration that is not one', { duration: 'custom', customDuration: 'abc' }, /duration/],
    ['a zero duration', { duration: 'custom', customDuration: '0s' }, /longer than zero/],
    ['a bad matcher', { matchers: 'env' }, /bad matcher/],
  ])('refuses %s with a message and a 400, adding nothing', async (_name, change, message) => {
    const { silences, post } = await fixture();
    const response = await post('/alerts/silences', { ...good, ...change });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(message);
    expect(await silences.list({ all: true })).toEqual([]);
  });

  it('shows a refused silence again with what was typed', async () => {
    const { post } = await fixture();
    const text = await (await post('/alerts/silences', { ...good, duration: 'custom', customDuration: 'abc', comment: 'typed <here>' })).text();
    expect(text).toContain('<h2 id="draft-title">Silence not created</h2>');
    expect(text).toMatch(/<details open="">\s*<summary>Silence…<\/summary>/);
    expect(text).toContain('id="silence-draft-matchers" name="matchers" rows="4" required="">alertname=&quot;ApiDown&quot;\nenv=&quot;production&quot;</textarea>');
    expect(text).toContain('<option value="custom" selected="">custom…</option>');
    expect(text).toContain('id="silence-draft-custom" name="customDuration" type="text" maxlength="40" value="abc"');
    expect(text).toContain('>typed &lt;here&gt;</textarea>');
  });

  it('refuses a missing or forged CSRF token and a viewer with a 403, changing nothing', async () => {
    const { silences, post } = await fixture();
    const { _csrf: _, ...withoutToken } = good;
    expect((await post('/alerts/silences', withoutToken)).status).toBe(403);
    const forged = await post('/alerts/silences', { ...good, _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toMatch(/CSRF check failed/);
    const viewer = await fixture('viewer');
    const refused = await viewer.post('/alerts/silences', good);
    expect(refused.status).toBe(403);
    expect(await (await viewer.app.request('/alerts')).text()).not.toContain('action="/alerts/silences"');
    expect(await silences.list({ all: true })).toEqual([]);
    expect(await viewer.silences.list({ all: true })).toEqual([]);
  });
});
