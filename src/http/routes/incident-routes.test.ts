import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { incidentApi } from '../../incidents/index.js';
import { alert, openIncidentRig, startReceiver, type IncidentRig, type Receiver } from '../../incidents/internal/incident-test-kit.js';
import { TokenService } from '../../tokens/index.js';
import { createApp } from '../create-app.js';
import type { HttpServices } from '../http-deps.js';

let hook: Receiver;
let other: Receiver;
let rig: IncidentRig;

beforeEach(async () => {
  hook = await startReceiver();
  other = await startReceiver();
  rig = await openIncidentRig({ hook, other });
});
afterEach(async () => {
  await rig.close();
  await hook.close();
  await other.close();
});

async function fixture() {
  const tokens = new TokenService(rig.store, rig.clock);
  // Only what these routes use; the rest of the API has its own tests.
  const services = { project: 'demo', tokens, incidents: incidentApi(rig.service, rig.ackLinks), now: () => rig.clock.now() } as unknown as HttpServices;
  const operator = (await tokens.create('alice', 'operator')).secret;
  const viewer = (await tokens.create('bob', 'viewer')).secret;
  await rig.publish(alert('ServiceDown', 'firing', rig.clock.now(), { annotations: { summary: 'api is down' } }));
  const [incident] = await rig.service.list();
  const headers = (secret: string) => ({ authorization: `Bearer ${secret}`, 'content-type': 'application/json' });
  return { app: createApp(services, { loopback: true }), id: incident?.id ?? '', operator: headers(operator), viewer: headers(viewer) };
}

describe('incident API', () => {
  it('lists and shows incidents to viewers, with alerts and timeline', async () => {
    const { app, id, viewer } = await fixture();
    expect(await (await app.request('/api/v1/incidents', { headers: viewer })).json()).toMatchObject({ incidents: [{ id, severity: 'SEV1', status: 'open' }] });
    const shown = (await (await app.request(`/api/v1/incidents/${id}`, { headers: viewer })).json()) as { alerts: unknown[]; timeline: { kind: string }[]; runbookSteps: unknown };
    expect(shown.alerts).toHaveLength(1);
    expect(shown.timeline.map((e) => e.kind)).toContain('opened');
    expect(shown.runbookSteps).toBeNull();
    expect((await app.request('/api/v1/incidents?status=bogus', { headers: viewer })).status).toBe(400);
    expect((await app.request('/api/v1/incidents/inc_nope', { headers: viewer })).status).toBe(404);
  });

  it('shows the runbook of the alert that opened the incident, with its steps', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'down.md'), '# Down\n\n## Check\n\n```sh step\ncurl -sS "$API_URL/healthz"\n```\n');
    const { app, viewer } = await fixture();
    await rig.publish(alert('DbDown', 'firing', rig.clock.now(), { env: 'staging', annotations: { summary: 'db down', runbook: join(dir, 'down.md') } }));
    const opened = (await rig.service.list()).find((i) => i.env === 'staging');
    const shown = await (await app.request(`/api/v1/incidents/${opened?.id ?? ''}`, { headers: viewer })).json();
    expect(shown).toMatchObject({ runbook: join(dir, 'down.md'), runbookSteps: [{ index: 1, title: 'Check', command: 'curl -sS "$API_URL/healthz"' }] });
  });

  it('acknowledges, assigns, notes and resolves as the token; writes need an operator', async () => {
    const { app, id, operator, viewer } = await fixture();
    expect((await app.request(`/api/v1/incidents/${id}/ack`, { method: 'POST', headers: viewer })).status).toBe(403);
    expect(await (await app.request(`/api/v1/incidents/${id}/ack`, { method: 'POST', headers: operator })).json()).toMatchObject({ status: 'acknowledged', ackedBy: 'alice' });
    const assign = await app.request(`/api/v1/incidents/${id}/assign`, { method: 'POST', headers: operator, body: JSON.stringify({ assignee: 'carol' }) });
    expect(await assign.json()).toMatchObject({ assignee: 'carol' });
    const note = await app.request(`/api/v1/incidents/${id}/notes`, { method: 'POST', headers: operator, body: JSON.stringify({ text: 'restarted the pod' }) });
    expect(note.status).toBe(201);
    const update = await app.request(`/api/v1/incidents/${id}/notes`, { method: 'POST', headers: operator, body: JSON.stringify({ text: 'We are on it.', public: true }) });
    expect(await update.json()).toMatchObject({ kind: 'note', text: 'We are on it.', data: { public: true } });
    expect((await app.request(`/api/v1/incidents/${id}/notes`, { method: 'POST', headers: operator, body: '{"text": ' })).status).toBe(400);
    const resolved = await app.request(`/api/v1/incidents/${id}/resolve`, { method: 'POST', headers: operator, body: JSON.stringify({ note: 'fixed' }) });
    expect(await resolved.json()).toMatchObject({ status: 'resolved', resolvedBy: 'alice' });
    const detail = await rig.service.detail(id);
    expect(detail.timeline.filter((e) => e.actor === 'alice').map((e) => e.text)).toEqual([
      'acknowledged by alice',
      'assigned to carol by alice',
      'restarted the pod',
      'We are on it.',
      'resolved by alice: fixed',
    ]);
  });

  it('acknowledges through the signed link once, without a token, and refuses tampered links', async () => {
    const { app, id } = await fixture();
    const url = new URL(await rig.ackLinks.url('http://127.0.0.1:4680', id));
    const tampered = url.pathname.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await app.request(tampered)).status).toBe(403);
    expect((await app.request(url.pathname.replace(id, 'inc_other'))).status).toBe(403);
    const first = await app.request(url.pathname);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe(`incident ${id} (SEV1: api is down) is acknowledged by ack link\n`);
    await rig.advance(60_000);
    const replay = await app.request(url.pathname);
    expect(replay.status).toBe(200);
    const detail = await rig.service.detail(id);
    expect(detail.ackedAt).toBe(rig.clock.now() - 60_000);
    expect(detail.timeline.filter((e) => e.kind === 'acknowledged')).toHaveLength(1);
  });
});
