import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import type { HttpServices } from '../../http/http-deps.js';
import { AckLinks, incidentApi, IncidentRepository, IncidentService } from '../../incidents/index.js';
import { openMemoryStore } from '../../store/index.js';
import type { Role } from '../../tokens/index.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { incidentPages } from './incident-pages.js';

const NOW = Date.UTC(2026, 10, 22, 12);
const CSRF = 'csrf-token-of-the-session';

async function fixture(role: Role = 'operator', count = 1) {
  const clock = new FakeClock(NOW);
  const store = await openMemoryStore();
  const repository = new IncidentRepository(store);
  const service = new IncidentService({ repository, clock });
  const created = [];
  for (let n = 0; n < count; n += 1) {
    created.push(await repository.create({ title: `api down ${n}`, severity: 'SEV1', env: 'production', runbook: null, openedAt: NOW - 600_000 + n, escalation: { round: 0, step: 0, baseMs: NOW, dueMs: null } }));
  }
  const services = { incidents: incidentApi(service, new AckLinks(store)), now: () => clock.now() } as unknown as HttpServices;
  const app = new Hono<DashboardEnv>();
  app.use(async (c, next) => {
    c.set('caller', { name: 'alice', role, via: 'session' });
    c.set('csrfToken', CSRF);
    await next();
  });
  app.route('/', incidentPages(services));
  const id = created[0]?.id ?? '';
  const post = (action: string, fields: Record<string, string> = {}) => app.request(`/incidents/${id}/${action}`, { method: 'POST', body: new URLSearchParams({ _csrf: CSRF, ...fields }) });
  return { app, service, id, post };
}

describe('incident pages', () => {
  it('lists incidents by status with pagination', async () => {
    const { app } = await fixture('viewer', 30);
    const first = await (await app.request('/incidents')).text();
    expect(first.match(/data-incident=/g)).toHaveLength(25);
    expect(first).toContain('Page 1 of 2');
    const second = await (await app.request('/incidents?page=2')).text();
    expect(second.match(/data-incident=/g)).toHaveLength(5);
    expect(await (await app.request('/incidents?status=resolved')).text()).toContain('No incidents.');
  });

  it('acknowledges, assigns, notes and resolves as the caller, each shown on the timeline', async () => {
    const { app, service, id, post } = await fixture();
    const ack = await post('ack');
    expect(ack.status).toBe(303);
    expect(ack.headers.get('location')).toBe(`/incidents/${id}?notice=acknowledged%20by%20alice`);
    expect((await post('assign', { assignee: 'bob' })).status).toBe(303);
    expect((await post('notes', { text: 'restarted the api' })).status).toBe(303);
    expect((await post('notes', { text: 'we are on it', public: 'yes' })).headers.get('location')).toMatch(/notice=public%20update%20added/);
    expect((await post('resolve', { note: 'fixed' })).status).toBe(303);
    expect(await service.get(id)).toMatchObject({ status: 'resolved', ackedBy: 'alice', resolvedBy: 'alice', assignee: 'bob' });
    const html = await (await app.request(`/incidents/${id}`)).text();
    expect(html).toContain('acknowledged by alice');
    expect(html).toContain('restarted the api');
    const notes = (await service.view(id)).timeline.filter((e) => e.kind === 'note');
    expect(notes.map((e) => [e.text, e.data?.public === true])).toEqual([['restarted the api', false], ['we are on it', true]]);
    expect(html).toContain('# Postmortem: api down 0');
    const draft = await app.request(`/incidents/${id}/postmortem.md`);
    expect(draft.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(await draft.text()).toContain('**Acknowledged:**');
  });

  it.each([
    ['notes', { text: 'x'.repeat(2001) }, /keep it to 2000/],
    ['notes', { text: ' ' }, /note is empty/],
    ['assign', { assignee: 'x'.repeat(101) }, /keep it to 100/],
    ['resolve', { note: 'x'.repeat(2001) }, /keep it to 2000/],
  ])('refuses bad input to %s with a message and a 400, changing nothing', async (action, fields, message) => {
    const { service, id, post } = await fixture();
    const before = await service.view(id);
    const response = await post(action, fields);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(message);
    expect(await service.view(id)).toEqual(before);
  });

  it('keeps what was typed in a refused form', async () => {
    const { post } = await fixture();
    const note = await (await post('notes', { text: `${'n'.repeat(2001)}`, public: 'yes' })).text();
    expect(note).toMatch(/<textarea id="note"[^>]*>n{2001}<\/textarea>/);
    expect(note).toMatch(/name="public" value="yes" checked/);
    const assign = await (await post('assign', { assignee: 'b'.repeat(101) })).text();
    expect(assign).toContain(`value="${'b'.repeat(101)}"`);
    const resolve = await (await post('resolve', { note: 'r'.repeat(2001) })).text();
    expect(resolve).toMatch(/<textarea id="resolve-note"[^>]*>r{2001}<\/textarea>/);
  });

  it('refuses forged CSRF and viewers with a 403, changing nothing', async () => {
    const { app, service, id } = await fixture();
    const before = await service.view(id);
    const forged = await app.request(`/incidents/${id}/ack`, { method: 'POST', body: new URLSearchParams({ _csrf: 'forged' }) });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toMatch(/CSRF check failed/);
    expect(await service.view(id)).toEqual(before);
    const viewer = await fixture('viewer');
    const viewerBefore = await viewer.service.view(viewer.id);
    expect((await viewer.post('ack')).status).toBe(403);
    expect(await (await viewer.app.request(`/incidents/${viewer.id}`)).text()).not.toContain('/ack"');
    expect(await viewer.service.view(viewer.id)).toEqual(viewerBefore);
  });
});
