import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import { loadConfig, type ProbeConfig, type ResolvedConfig } from '../config/index.js';
import { EventBus, type GuardiaEvents } from '../events/index.js';
import { createProbeRunner } from '../probes/index.js';
import { openMemoryStore, type Store } from '../store/index.js';
import { createTsdb } from '../tsdb/index.js';
import type { AlertInstance } from './alert-instance.js';
import { AlertStateRepository } from './alert-state-repository.js';
import { RuleManager } from './rule-manager.js';

let server: Server;
let targetUrl: string;
let healthy = true;
let dir: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.statusCode = healthy ? 200 : 503;
    res.end(healthy ? 'ok' : 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'guardia-alerts-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function configWith(alerts: string, alerting = 'alerting: { watchdog: false }'): Promise<ResolvedConfig> {
  const file = join(dir, 'guardia.yaml');
  writeFileSync(file, `project: demo\nenvironments:\n  production:\n    probes:\n      api: { http: ${targetUrl}/healthz, every: 2s, timeout: 1s }\n    alerts:\n${alerts}\n${alerting}\n`);
  return loadConfig(file, { env: {} });
}

let clock: FakeClock;
let store: Store;
const T0 = Date.UTC(2026, 0, 1);

beforeEach(async () => {
  clock = new FakeClock(T0);
  store = await openMemoryStore();
  healthy = true;
});
afterEach(async () => {
  await store.close();
});

/** One guardia process's worth of alerting over the shared store: runner, tsdb, manager. */
async function boot(config: ResolvedConfig) {
  const tsdb = createTsdb(store, {});
  const events = new EventBus<GuardiaEvents>((error) => {
    throw error;
  });
  const seen: AlertInstance[] = [];
  events.on('alert:state', (alert) => seen.push(alert));
  const runner = createProbeRunner({ clock, tsdb, store, events });
  const manager = new RuleManager({ config: config.alerting, tsdb, clock, events, repository: new AlertStateRepository(store) });
  await manager.start();
  const probe = config.environments[0]?.probes[0] as ProbeConfig;
  return {
    seen,
    tsdb,
    manager,
    /** One probe run, then whatever evaluation it triggered. */
    async run(up: boolean) {
      healthy = up;
      await runner.runOnce(probe);
      await manager.idle();
    },
    async shutdown() {
      await manager.stop();
      await runner.close();
      await tsdb.flush();
    },
  };
}

const states = (seen: AlertInstance[]) => seen.map((a) => `${a.rule}:${a.state}`);

describe('RuleManager', () => {
  it('takes an outage through pending, firing after `for`, and resolved, evaluating at each probe result', async () => {
    const config = await configWith("      ApiDown: { down: api, for: 10s, severity: critical, annotations: { summary: '{{ $labels.probe }} is down ({{ $value }})' } }");
    const g = await boot(config);
    await g.run(true);
    expect(g.seen).toEqual([]);
    await clock.advance(2000);
    await g.run(false);
    expect(states(g.seen)).toEqual(['ApiDown:pending']);
    const pending = g.seen[0] as AlertInstance;
    expect(pending).toMatchObject({
      rule: 'ApiDown',
      env: 'production',
      severity: 'critical',
      labels: { alertname: 'ApiDown', env: 'production', probe: 'api', severity: 'critical' },
      annotations: { summary: 'api is down (0)' },
      value: 0,
      activeAt: T0 + 2000,
      firedAt: null,
      resolvedAt: null,
    });
    expect(pending.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    await clock.advance(8000);
    await g.run(false);
    expect(states(g.seen)).toEqual(['ApiDown:pending']);
    await clock.advance(2000);
    await g.run(false);
    expect(states(g.seen)).toEqual(['ApiDown:pending', 'ApiDown:firing']);
    expect(g.seen[1]).toMatchObject({ fingerprint: pending.fingerprint, activeAt: T0 + 2000, firedAt: T0 + 12_000 });
    await clock.advance(2000);
    await g.run(true);
    expect(states(g.seen)).toEqual(['ApiDown:pending', 'ApiDown:firing', 'ApiDown:resolved']);
    expect(g.seen[2]).toMatchObject({ firedAt: T0 + 12_000, resolvedAt: T0 + 14_000 });
    expect(await new AlertStateRepository(store).list()).toMatchObject([{ fingerprint: pending.fingerprint, state: 'resolved' }]);
    await g.shutdown();
  });

  it('fires at the first failing result without `for`, writes ALERTS, and fires again after a resolve', async () => {
    const g = await boot(await configWith('      ApiDown: { down: api, severity: critical }'));
    await g.run(false);
    await clock.advance(2000);
    await g.run(true);
    await clock.advance(2000);
    await g.run(false);
    expect(states(g.seen)).toEqual(['ApiDown:firing', 'ApiDown:resolved', 'ApiDown:firing']);
    const alerts = await g.tsdb.queryRange([{ name: '__name__', op: '=', value: 'ALERTS' }], T0, T0 + 4000);
    expect(alerts.map((s) => [s.labels, s.samples.length])).toEqual([[expect.objectContaining({ alertname: 'ApiDown', alertstate: 'firing' }), 3]]);
    await g.shutdown();
  });

  it('publishes a pending alert that vanished before firing as resolved without firedAt', async () => {
    const g = await boot(await configWith('      ApiDown: { down: api, for: 1m }'));
    await g.run(false);
    await clock.advance(2000);
    await g.run(true);
    expect(states(g.seen)).toEqual(['ApiDown:pending', 'ApiDown:resolved']);
    expect(g.seen[1]).toMatchObject({ firedAt: null, resolvedAt: T0 + 2000 });
    expect(await new AlertStateRepository(store).list()).toEqual([]);
    await g.shutdown();
  });

  it('keeps the `for` timer across a restart while pending', async () => {
    const config = await configWith('      ApiDown: { down: api, for: 10s }');
    const first = await boot(config);
    await first.run(false);
    expect(states(first.seen)).toEqual(['ApiDown:pending']);
    await first.shutdown();
    await clock.advance(10_000);
    const second = await boot(config);
    await second.run(false);
    expect(states(second.seen)).toEqual(['ApiDown:firing']);
    expect(second.seen[0]).toMatchObject({ activeAt: T0, firedAt: T0 + 10_000 });
    await second.shutdown();
  });

  it('does not announce an alert again after a restart while firing, and still resolves it', async () => {
    const config = await configWith('      ApiDown: { down: api }');
    const first = await boot(config);
    await first.run(false);
    expect(states(first.seen)).toEqual(['ApiDown:firing']);
    await first.shutdown();
    await clock.advance(2000);
    const second = await boot(config);
    await second.run(false);
    await second.manager.evaluateAll();
    expect(second.seen).toEqual([]);
    await clock.advance(2000);
    await second.run(true);
    expect(states(second.seen)).toEqual(['ApiDown:resolved']);
    expect(second.seen[0]).toMatchObject({ activeAt: T0, firedAt: T0 });
    await second.shutdown();
  });

  it('holds a flapping alert with keep_firing_for and resolves once it stays clear', async () => {
    const g = await boot(await configWith('      Flappy: { down: api, keep_firing_for: 10s }'));
    for (const up of [false, true, false, true, true, true, true]) {
      await g.run(up);
      await clock.advance(2000);
    }
    expect(states(g.seen)).toEqual(['Flappy:firing']);
    for (let i = 0; i < 3; i++) {
      await g.run(true);
      await clock.advance(2000);
    }
    expect(states(g.seen)).toEqual(['Flappy:firing', 'Flappy:resolved']);
    await g.shutdown();
  });

  it('resolves alerts of a rule removed from the config at the next start', async () => {
    const first = await boot(await configWith('      ApiDown: { down: api }'));
    await first.run(false);
    await first.shutdown();
    const second = await boot(await configWith('      Other: { down: api, for: 1h }'));
    expect(states(second.seen)).toEqual(['ApiDown:resolved']);
    await second.shutdown();
  });

  it('runs an always-firing Watchdog on the evaluation interval, announced once', async () => {
    const g = await boot(await configWith('      ApiDown: { down: api }', 'alerting: { evaluation_interval: 5s }'));
    await g.manager.evaluateAll();
    await clock.advance(5000);
    await g.manager.evaluateAll();
    expect(states(g.seen)).toEqual(['Watchdog:firing']);
    expect(g.seen[0]).toMatchObject({ env: undefined, severity: 'low', labels: { alertname: 'Watchdog', severity: 'low', watchdog: 'true' } });
    await g.shutdown();
  });
});
