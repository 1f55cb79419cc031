import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, writeConfig } from '../../test/support/temp-dir.js';
import { FakeClock } from '../clock/index.js';
import { loadConfig } from '../config/index.js';
import { openMemoryStore, type Store } from '../store/index.js';
import { createNotifier } from './create-notifier.js';
import { NotificationPipeline } from './notification-pipeline.js';
import { ProbeDependencyGate, type ProbeStatusUpdate } from './routing/probe-dependency-gate.js';
import { alert, startReceiver, type Receiver } from './routing/internal/pipeline-test-kit.js';
import { SilenceService } from './silences/silence-service.js';

const MIN = 60_000;
let hook: Receiver;
let store: Store | undefined;
let pipeline: NotificationPipeline | undefined;

beforeEach(async () => (hook = await startReceiver()));
afterEach(async () => {
  await pipeline?.stop();
  await store?.close();
  await hook.close();
  pipeline = store = undefined;
});

/** database ← api ← checkout (checkout needs api, which needs database); web needs nothing. */
async function open(saved: ProbeStatusUpdate[] = []) {
  const yaml = `project: demo
environments:
  production:
    url: https://example.com
    probes:
      database: { tcp: "db:5432" }
      api: { http: /health, depends_on: [database] }
      checkout: { http: /checkout, depends_on: [api] }
      web: { http: / }
channels:
  hook: { webhook: { url: "${hook.url}" } }
notify: [hook]
`;
  const config = await loadConfig(writeConfig(tempDir(), yaml), { env: {} });
  const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
  store = await openMemoryStore({ now: () => clock.now() });
  const gate = new ProbeDependencyGate(config.environments.flatMap((e) => e.probes), async () => saved);
  const notifiers = new Map(config.channels.map((c) => [c.name, createNotifier(c.name, c, { clock })]));
  pipeline = new NotificationPipeline({
    routing: config.routing, store, clock, silences: new SilenceService(store, clock), dependencies: gate,
    notifierFor: (channel) => notifiers.get(channel), externalUrl: 'http://127.0.0.1:4680',
    onError: (error) => {
      throw error;
    },
  });
  await pipeline.start();
  const p = pipeline;
  return {
    clock,
    gate,
    /** Publishes transitions and waits until their notifications are delivered. */
    publish: async (...alerts: ReturnType<typeof alert>[]) => {
      for (const a of alerts) p.handle(a);
      await p.idle();
    },
    advance: async (ms: number) => {
      await clock.advance(ms);
      await p.idle();
    },
  };
}

const down = (probe: string, at: number, extra: Parameters<typeof alert>[3] = {}) =>
  alert(`${probe}Down`, 'firing', at, { ...extra, labels: { probe } });
const resolved = (probe: string, firedAt: number, at: number) => alert(`${probe}Down`, 'resolved', at, { firedAt, labels: { probe } });
const sent = () => hook.bodies.map((b) => `${b.status}:${b.alerts.map((a) => a.labels.alertname).join('+')}`);

describe('probe dependencies in the notification pipeline', () => {
  it('mutes alerts about a probe while a probe it needs is down, directly or through others', async () => {
    const r = await open();
    const t0 = r.clock.now();
    r.gate.observe({ probeId: 'production/database', status: 'down' });
    await r.publish(down('database', t0), down('api', t0), down('checkout', t0), down('web', t0));
    expect(sent().sort()).toEqual(['firing:databaseDown', 'firing:webDown']);
  });

  it('notifies a child that still fires once its parent is back', async () => {
    const r = await open();
    const t0 = r.clock.now();
    r.gate.observe({ probeId: 'production/database', status: 'down' });
    await r.publish(down('api', t0));
    expect(sent()).toEqual([]);
    r.gate.observe({ probeId: 'production/database', status: 'up' });
    await r.advance(MIN);
    expect(sent()).toEqual(['firing:apiDown']);
  });

  it('still delivers the resolve of a child notified before its parent went down', async () => {
    const r = await open();
    const t0 = r.clock.now();
    await r.publish(down('api', t0));
    r.gate.observe({ probeId: 'production/database', status: 'down' });
    await r.advance(10_000);
    await r.publish(resolved('api', t0, r.clock.now()));
    expect(sent()).toEqual(['firing:apiDown', 'resolved:apiDown']);
  });

  it('does not notify a resolve of a child it never notified', async () => {
    const r = await open();
    const t0 = r.clock.now();
    r.gate.observe({ probeId: 'production/database', status: 'down' });
    await r.publish(down('api', t0));
    await r.publish(resolved('api', t0, t0 + 5_000));
    r.gate.observe({ probeId: 'production/database', status: 'up' });
    await r.advance(2 * MIN);
    expect(sent()).toEqual([]);
  });

  it('knows after a restart which parents are down, from the saved probe states', async () => {
    const r = await open([{ probeId: 'production/database', status: 'down' }]);
    await r.publish(down('api', r.clock.now()));
    expect(sent()).toEqual([]);
  });

  it('lets a newer result win over the saved state', async () => {
    const r = await open([{ probeId: 'production/database', status: 'down' }]);
    r.gate.observe({ probeId: 'production/database', status: 'up' });
    await r.publish(down('api', r.clock.now()));
    expect(sent()).toEqual(['firing:apiDown']);
  });
});
