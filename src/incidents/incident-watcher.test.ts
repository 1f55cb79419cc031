import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentWatcher } from './incident-watcher.js';
import { alert, ESCALATING, openIncidentRig, startReceiver, type IncidentRig, type Receiver } from './internal/incident-test-kit.js';

const MIN = 60_000;
let hook: Receiver;
let other: Receiver;
let rig: IncidentRig | undefined;

beforeEach(async () => {
  hook = await startReceiver();
  other = await startReceiver();
});
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  await hook.close();
  await other.close();
});

type Body = { commonAnnotations?: Record<string, string>; groupLabels?: Record<string, string> };
const summaries = (r: Receiver) => r.bodies.map((b) => (b as unknown as Body).commonAnnotations?.summary);

describe('incidents from alerts', () => {
  it('opens a SEV1 from a critical firing and sends the first escalation step at once, with a signed ack link', async () => {
    rig = await openIncidentRig({ hook, other });
    await rig.publish(alert('ServiceDown', 'firing', rig.clock.now(), { annotations: { summary: 'api is down', runbook: '/srv/runbooks/service-down.md' } }));
    const [incident] = await rig.service.list();
    expect(incident).toMatchObject({ severity: 'SEV1', env: 'production', status: 'open', title: 'api is down', runbook: '/srv/runbooks/service-down.md' });
    expect(summaries(other)).toEqual(['[SEV1] api is down: not acknowledged (escalation step 1)']);
    const annotations = (other.bodies[0] as unknown as Body).commonAnnotations ?? {};
    expect(annotations.ack_url).toBe(await rig.ackLinks.url('http://127.0.0.1:4680', incident?.id ?? ''));
    expect(annotations.runbook).toBe('/srv/runbooks/service-down.md');
    expect(hook.bodies).toEqual([]);
  });

  it('joins correlated alerts of the same environment and opens another incident elsewhere', async () => {
    rig = await openIncidentRig({ hook, other });
    const t0 = rig.clock.now();
    await rig.publish(alert('ServiceDown', 'firing', t0));
    await rig.advance(2 * MIN);
    await rig.publish(alert('HighLatency', 'firing', rig.clock.now(), { severity: 'high' }), alert('DbDown', 'firing', rig.clock.now(), { env: 'staging' }));
    const incidents = await rig.service.list();
    expect(incidents.map((i) => i.env).sort()).toEqual(['production', 'staging']);
    const production = incidents.find((i) => i.env === 'production');
    const detail = await rig.service.detail(production?.id ?? '');
    expect(detail.alerts.map((a) => a.rule)).toEqual(['ServiceDown', 'HighLatency']);
    expect(detail.timeline.map((e) => e.kind)).toEqual(['opened', 'escalation', 'notification', 'alert_firing']);
    expect(detail.respondBy).toBe(t0 + 5 * MIN);
  });

  it('does not open incidents for severities outside open_on', async () => {
    rig = await openIncidentRig({ hook, other });
    await rig.publish(alert('HighLatency', 'firing', rig.clock.now(), { severity: 'high' }));
    expect(await rig.service.list()).toEqual([]);
  });

  it('escalates at the configured fake times and repeats while unacknowledged', async () => {
    rig = await openIncidentRig({ hook, other });
    await rig.publish(alert('ServiceDown', 'firing', rig.clock.now(), { annotations: { summary: 'api is down' } }));
    await rig.advance(15 * MIN - 1_000);
    expect(hook.bodies).toEqual([]);
    await rig.advance(1_000);
    expect(summaries(hook)).toEqual(['[SEV1] api is down: not acknowledged (escalation step 2)']);
    await rig.advance(30 * MIN - 1_000);
    expect(other.bodies).toHaveLength(1);
    await rig.advance(1_000);
    expect(summaries(other)).toEqual(['[SEV1] api is down: not acknowledged (escalation step 1)', '[SEV1] api is down: not acknowledged (escalation step 1, round 2)']);
  });

  it('stops escalating once acknowledged and records MTTA', async () => {
    rig = await openIncidentRig({ hook, other });
    await rig.publish(alert('ServiceDown', 'firing', rig.clock.now()));
    const [incident] = await rig.service.list();
    await rig.advance(4 * MIN);
    const acked = await rig.service.acknowledge(incident?.id ?? '', 'alice');
    expect(acked).toMatchObject({ status: 'acknowledged', ackedBy: 'alice', ackedAt: rig.clock.now() });
    await rig.advance(2 * 60 * MIN);
    expect(hook.bodies).toEqual([]);
    expect(other.bodies).toHaveLength(1);
    const mtta = await rig.tsdb.queryInstant([{ name: '__name__', op: '=', value: 'guardia_incident_mtta_seconds' }], rig.clock.now(), 3 * 60 * MIN);
    expect(mtta.map((s) => [s.labels, s.sample.v])).toEqual([[{ severity: 'SEV1', env: 'production' }, 240]]);
  });

  it('resumes escalation after a restart without sending a step twice', async () => {
    rig = await openIncidentRig({ hook, other });
    await rig.publish(alert('ServiceDown', 'firing', rig.clock.now()));
    await rig.watcher.stop();
    const again = new IncidentWatcher({
      config: rig.config,
      repository: rig.repository, service: rig.service, clock: rig.clock, ackLinks: rig.ackLinks, outbox: rig.pipeline.outbox,
      deliver: () => void rig?.pipeline.tick(), externalUrl: 'http://127.0.0.1:4680',
    });
    await again.start();
    await rig.advance(15 * MIN);
    await again.idle();
    await rig.pipeline.idle();
    expect(other.bodies).toHaveLength(1);
    expect(hook.bodies).toHaveLength(1);
    await again.stop();
  });

  it('auto-resolves once every alert resolved, records MTTR, and shows the notifications in the timeline', async () => {
    rig = await openIncidentRig({ hook, other }, `notify: [hook]\n${ESCALATING}`);
    const t0 = rig.clock.now();
    await rig.publish(alert('ServiceDown', 'firing', t0), alert('HighLatency', 'firing', t0, { severity: 'high' }));
    await rig.advance(3 * MIN);
    await rig.publish(alert('ServiceDown', 'resolved', rig.clock.now(), { firedAt: t0 }));
    const [incident] = await rig.service.list({ status: 'all' });
    expect(incident?.status).toBe('open');
    await rig.publish(alert('HighLatency', 'resolved', rig.clock.now(), { firedAt: t0, severity: 'high' }));
    const detail = await rig.service.detail(incident?.id ?? '');
    expect(detail).toMatchObject({ status: 'resolved', resolvedBy: 'guardia', resolvedAt: t0 + 3 * MIN });
    const texts = detail.timeline.map((e) => e.text);
    expect(texts).toContain('firing notification to hook: sent');
    expect(texts).toContain('resolved notification to hook: sent');
    expect(detail.timeline.filter((e) => e.kind === 'resolved').map((e) => e.text)).toEqual(['resolved by guardia: all its alerts resolved']);
    const mttr = await rig.tsdb.queryInstant([{ name: '__name__', op: '=', value: 'guardia_incident_mttr_seconds' }], rig.clock.now());
    expect(mttr.map((s) => s.sample.v)).toEqual([180]);
  });
});
