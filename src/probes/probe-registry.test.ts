import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import type { ProbeConfig } from '../config/resolved-config.js';
import { EventBus } from '../events/index.js';
import type { GuardiaEvents } from '../events/index.js';
import { openMemoryStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { HeartbeatService } from './heartbeat/heartbeat-service.js';
import { FakeTsdb, common, httpSpec } from './internal/probe-test-kit.js';
import { createProbeRunner } from './probe-runner.js';
import { createProbe } from './probe-registry.js';

let store: Store;
let clock: FakeClock;

beforeEach(async () => {
  store = await openMemoryStore();
  clock = new FakeClock(Date.UTC(2026, 0, 1));
});

afterEach(() => store.close());

describe('probe registry', () => {
  it('builds the probe of each kind', () => {
    const deps = { heartbeats: new HeartbeatService({ store, clock }) };
    const configs: ProbeConfig[] = [
      { ...common('web'), kind: 'http', http: httpSpec('http://127.0.0.1:1/') },
      { ...common('db-port'), kind: 'tcp', tcp: { host: '127.0.0.1', port: 5432 } },
      { ...common('backup'), kind: 'heartbeat', heartbeat: { periodMs: 3_600_000, graceMs: 600_000 } },
    ];
    expect(configs.map((c) => createProbe(c, deps).kind)).toEqual(['http', 'tcp', 'heartbeat']);
  });

  it('runs a heartbeat through the runner and writes its last-ping series', async () => {
    const events = new EventBus<GuardiaEvents>();
    const tsdb = new FakeTsdb();
    const heartbeats = new HeartbeatService({ store, clock, events });
    const config: ProbeConfig = { ...common('backup'), kind: 'heartbeat', heartbeat: { periodMs: 3_600_000, graceMs: 600_000 } };
    const runner = createProbeRunner({ clock, tsdb, store, events, heartbeats });
    const token = await heartbeats.ensureToken(config);
    await clock.advance(60_000);
    await heartbeats.recordPing(token, 'success');
    const result = await runner.runOnce(config);
    expect(result).toMatchObject({ kind: 'heartbeat', status: 'up', reason: 'last ping 00:01 UTC, next expected by 01:01 UTC' });
    expect(tsdb.value('guardia_heartbeat_last_ping_timestamp_seconds', { probe: 'backup' })).toBe(clock.now() / 1_000);
  });
});
