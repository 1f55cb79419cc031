import { FakeClock } from '../clock/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alert, openPipeline, routingConfig, startReceiver, type PipelineRig, type Receiver } from './routing/internal/pipeline-test-kit.js';
import { parseMatcher } from './routing/label-matcher.js';

const MIN = 60_000;
let hook: Receiver;
let other: Receiver;
let rig: PipelineRig | undefined;

beforeEach(async () => {
  hook = await startReceiver();
  other = await startReceiver();
});
afterEach(async () => {
  await rig?.pipeline.stop();
  await rig?.store.close();
  rig = undefined;
  await hook.close();
  await other.close();
});

async function open(routing = 'notify: [hook]', clock?: FakeClock) {
  rig = await openPipeline(await routingConfig(routing, { hook, other }), { clock });
  return rig;
}

/** Publishes a transition and waits until its notifications are delivered. */
async function publish(r: PipelineRig, ...alerts: ReturnType<typeof alert>[]) {
  for (const a of alerts) r.pipeline.handle(a);
  await r.pipeline.idle();
}

const statuses = (receiver: Receiver) => receiver.bodies.map((b) => `${b.status}:${b.alerts.map((a) => `${a.labels.alertname}/${a.status}`).join('+')}`);

describe('notification pipeline', () => {
  it('sends a critical firing at once, exactly once, and its resolve at once', async () => {
    const r = await open();
    const t0 = r.clock.now();
    await publish(r, alert('ServiceDown', 'pending', t0, { firedAt: null }), alert('ServiceDown', 'firing', t0));
    expect(statuses(hook)).toEqual(['firing:ServiceDown/firing']);
    await publish(r, alert('ServiceDown', 'firing', t0, { value: 2 }));
    await r.clock.advance(10_000);
    await r.pipeline.idle();
    expect(hook.bodies).toHaveLength(1);
    await publish(r, alert('ServiceDown', 'resolved', r.clock.now(), { firedAt: t0 }));
    expect(statuses(hook)).toEqual(['firing:ServiceDown/firing', 'resolved:ServiceDown/resolved']);
  });

  it('ignores pending alerts that vanish without firing', async () => {
    const r = await open();
    const t0 = r.clock.now();
    await publish(r, alert('ServiceDown', 'pending', t0, { firedAt: null }), alert('ServiceDown', 'resolved', t0 + 5_000, { firedAt: null }));
    await r.clock.advance(MIN);
    await r.pipeline.idle();
    expect(hook.bodies).toEqual([]);
  });

  it('notifies every repeated outage at once, whatever group_interval says', async () => {
    const r = await open('notify: [hook]');
    for (let i = 0; i < 3; i++) {
      const start = r.clock.now();
      await publish(r, alert('ServiceDown', 'firing', start));
      await r.clock.advance(4_000);
      await publish(r, alert('ServiceDown', 'resolved', r.clock.now(), { firedAt: start }));
      await r.clock.advance(2_000);
    }
    expect(statuses(hook)).toEqual(Array(3).fill(['firing:ServiceDown/firing', 'resolved:ServiceDown/resolved']).flat());
  });

  it('repeats an unchanged firing group at repeat_interval', async () => {
    const r = await open('routes:\n  - { channels: [hook], repeat_interval: 1h }');
    await publish(r, alert('ServiceDown', 'firing', r.clock.now()));
    await r.clock.advance(59 * MIN);
    await r.pipeline.idle();
    expect(hook.bodies).toHaveLength(1);
    await r.clock.advance(MIN);
    await r.pipeline.idle();
    expect(statuses(hook)).toEqual(['firing:ServiceDown/firing', 'firing:ServiceDown/firing']);
  });

  it('groups alerts by group_by after group_wait, and batches later ones at group_interval', async () => {
    const r = await open('routes:\n  - { channels: [hook], group_by: [env], group_interval: 2m }');
    const t0 = r.clock.now();
    await publish(r, alert('HighLatency', 'firing', t0, { severity: 'high' }), alert('HighErrorRate', 'firing', t0 + 1, { severity: 'high' }));
    expect(hook.bodies).toEqual([]);
    await r.clock.advance(30_000);
    await r.pipeline.idle();
    expect(statuses(hook)).toEqual(['firing:HighLatency/firing+HighErrorRate/firing']);
    await publish(r, alert('DiskFull', 'firing', r.clock.now(), { severity: 'medium' }));
    await r.clock.advance(MIN);
    await r.pipeline.idle();
    expect(hook.bodies).toHaveLength(1);
    await r.clock.advance(MIN);
    await r.pipeline.idle();
    expect(hook.bodies).toHaveLength(2);
    expect(hook.bodies[1]?.alerts).toHaveLength(3);
  });

  it('stops at the first matching route unless it says continue', async () => {
    const r = await open(
      ['routes:', '  - { severity: [critical], channels: [hook], continue: true }', '  - { env: [production], channels: [other] }', '  - { channels: [hook] }'].join('\n'),
    );
    const t0 = r.clock.now();
    await publish(r, alert('ServiceDown', 'firing', t0));
    expect(hook.bodies).toHaveLength(1);
    expect(other.bodies).toHaveLength(1);
    await publish(r, alert('Disk', 'firing', t0, { severity: 'low', env: 'staging', labels: { env: 'staging' }, }));
    await r.clock.advance(30_000);
    await r.pipeline.idle();
    expect(statuses(hook)).toEqual(['firing:ServiceDown/firing', 'firing:Disk/firing']);
    expect(other.bodies).toHaveLength(1);
  });

  it('keeps silenced alerts quiet, lets the next change through after expiry, and still delivers resolves', async () => {
    const r = await open();
    const t0 = r.clock.now();
    await publish(r, alert('ServiceDown', 'firing', t0));
    const silence = await r.silences.add({ matchers: [parseMatcher('alertname=ServiceDown')], endsAt: t0 + 3_600_000, author: 'alice', comment: 'deploy' });
    // Resolved while silenced: it was notified, so its resolve goes out.
    await publish(r, alert('ServiceDown', 'resolved', t0 + MIN, { firedAt: t0 }));
    await publish(r, alert('ServiceDown', 'firing', t0 + 2 * MIN));
    await r.clock.advance(5 * MIN);
    await r.pipeline.idle();
    expect(statuses(hook)).toEqual(['firing:ServiceDown/firing', 'resolved:ServiceDown/resolved']);
    await r.silences.expire(silence.id);
    await r.clock.advance(MIN);
    await r.pipeline.idle();
    expect(statuses(hook)).toEqual(['firing:ServiceDown/firing', 'resolved:ServiceDown/resolved', 'firing:ServiceDown/firing']);
  });

  it('holds back alerts in a one-off maintenance window and notifies them after it', async () => {
    const r = await open(['notify: [hook]', 'maintenance:', '  - { name: upgrade, env: production, start: "2026-03-01T11:00:00Z", end: "2026-03-01T12:30:00Z" }'].join('\n'));
    await publish(r, alert('ServiceDown', 'firing', r.clock.now()), alert('ServiceDown', 'firing', r.clock.now(), { env: 'staging', labels: { env: 'staging' } }));
    expect(hook.bodies.map((b) => b.alerts[0]?.labels.env)).toEqual(['staging']);
    await r.clock.advance(31 * MIN);
    await r.pipeline.idle();
    expect(hook.bodies.map((b) => b.alerts[0]?.labels.env)).toEqual(['staging', 'production']);
  });

  it('holds back alerts in a recurring window in its time zone', async () => {
    // Sundays 03:00-05:00 in Madrid; 2026-03-01 is a Sunday, 03:30 CET is 02:30 UTC.
    const r = await open(['notify: [hook]', 'maintenance:', '  - { name: backups, cron: "0 3 * * 0", duration: 2h, timezone: Europe/Madrid }'].join('\n'), new FakeClock(Date.UTC(2026, 1, 28, 23)));
    const sunday = Date.UTC(2026, 2, 1, 2, 30);
    await r.clock.set(sunday);
    await publish(r, alert('ServiceDown', 'firing', sunday));
    expect(hook.bodies).toEqual([]);
    await r.clock.set(Date.UTC(2026, 2, 1, 4, 1));
    await r.pipeline.idle();
    expect(statuses(hook)).toEqual(['firing:ServiceDown/firing']);
  });

  it('inhibits latency alerts of the same environment while ServiceDown fires', async () => {
    const r = await open(['notify: [hook]', 'inhibit:', '  - { source: { alertname: ServiceDown }, target: { severity: [medium, high] }, equal: [env] }'].join('\n'));
    const t0 = r.clock.now();
    await publish(r, alert('ServiceDown', 'firing', t0));
    await publish(r, alert('HighLatency', 'firing', t0, { severity: 'high' }), alert('HighLatency', 'firing', t0, { severity: 'high', env: 'staging', labels: { env: 'staging' } }));
    await r.clock.advance(MIN);
    await r.pipeline.idle();
    expect(hook.bodies.map((b) => `${b.alerts[0]?.labels.alertname}@${b.alerts[0]?.labels.env}`)).toEqual(['ServiceDown@production', 'HighLatency@staging']);
  });
});
