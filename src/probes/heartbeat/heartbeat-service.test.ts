import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import type { HeartbeatProbeSpec } from '../../config/resolved-config.js';
import { EventBus } from '../../events/index.js';
import type { GuardiaEvents } from '../../events/index.js';
import { openMemoryStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import { common } from '../internal/probe-test-kit.js';
import type { HeartbeatProbeConfig } from './heartbeat-record.js';
import { HeartbeatService } from './heartbeat-service.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
let store: Store;
let clock: FakeClock;
let events: EventBus<GuardiaEvents>;
let service: HeartbeatService;

beforeEach(async () => {
  store = await openMemoryStore();
  clock = new FakeClock(Date.UTC(2026, 0, 1, 0, 0));
  events = new EventBus<GuardiaEvents>();
  service = new HeartbeatService({ store, clock, events, historyLimit: 5 });
});

afterEach(() => store.close());

function heartbeat(name: string, spec: Partial<HeartbeatProbeSpec>): HeartbeatProbeConfig {
  return { ...common(name), kind: 'heartbeat', heartbeat: { graceMs: 5 * MIN, ...spec } };
}

const evaluate = (config: HeartbeatProbeConfig) => service.evaluate(config, clock.now());

describe('HeartbeatService tokens and pings', () => {
  it('generates a url-safe token once and keeps it', async () => {
    const config = heartbeat('backup', { periodMs: HOUR });
    const token = await service.ensureToken(config);
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await service.ensureToken(config)).toBe(token);
    expect(await new HeartbeatService({ store, clock }).ensureToken(config)).toBe(token);
    expect((await service.findByToken(token))?.probeId).toBe('production/backup');
  });

  it('uses a configured token and refuses one owned by another heartbeat', async () => {
    expect(await service.ensureToken(heartbeat('a', { periodMs: HOUR, token: 'tok-a' }))).toBe('tok-a');
    await expect(service.ensureToken(heartbeat('b', { periodMs: HOUR, token: 'tok-a' }))).rejects.toThrow(/already used by production\/a/);
  });

  it('derives the kind from an exit status, keeps a bounded history and publishes pings', async () => {
    const token = await service.ensureToken(heartbeat('job', { periodMs: HOUR }));
    const seen: GuardiaEvents['heartbeat:ping'][] = [];
    events.on('heartbeat:ping', (e) => seen.push(e));
    await service.recordPing(token, 'success', 3);
    for (let i = 0; i < 6; i++) {
      await clock.advance(MIN);
      await service.recordPing(token, i % 2 ? 'start' : 'success', i % 2 ? undefined : 0);
    }
    expect(seen[0]).toMatchObject({ probeId: 'production/job', kind: 'fail', exitStatus: 3 });
    const history = await service.history('production/job');
    expect(history).toHaveLength(5);
    expect(history[0]).toMatchObject({ kind: 'start', atMs: clock.now() });
    await expect(service.recordPing('nope', 'success')).rejects.toThrow(/unknown heartbeat token/);
  });
});

describe('HeartbeatService evaluation with a period', () => {
  it('waits for the first ping, then is late, then down', async () => {
    const config = heartbeat('nightly', { periodMs: 10 * MIN });
    expect(await evaluate(config)).toMatchObject({ status: 'up', reason: 'no ping yet, next expected by 00:10 UTC' });
    await clock.advance(11 * MIN);
    expect(await evaluate(config)).toMatchObject({ status: 'degraded', reason: 'late: expected by 00:10 UTC' });
    await clock.advance(5 * MIN);
    expect(await evaluate(config)).toMatchObject({ status: 'down', reason: 'missed: expected by 00:10 UTC (no ping yet)' });
  });

  it('follows each ping: up, late after the period, down after the grace', async () => {
    const config = heartbeat('sync', { periodMs: HOUR });
    const token = await service.ensureToken(config);
    await clock.advance(10 * MIN);
    await service.recordPing(token, 'success');
    const up = await evaluate(config);
    expect(up).toMatchObject({ status: 'up', reason: 'last ping 00:10 UTC, next expected by 01:10 UTC' });
    expect(up.metrics).toEqual([expect.objectContaining({ name: 'guardia_heartbeat_last_ping_timestamp_seconds', value: clock.now() / 1_000 })]);
    await clock.advance(HOUR + MIN);
    expect(await evaluate(config)).toMatchObject({ status: 'degraded', reason: 'late: expected by 01:10 UTC' });
    await clock.advance(5 * MIN);
    expect((await evaluate(config)).status).toBe('down');
    await service.recordPing(token, 'success');
    expect((await evaluate(config)).status).toBe('up');
  });

  it('is down on a failure ping until the next success', async () => {
    const config = heartbeat('backup', { periodMs: HOUR });
    const token = await service.ensureToken(config);
    await service.recordPing(token, 'fail', 3);
    expect(await evaluate(config)).toMatchObject({ status: 'down', reason: 'reported failure, exit status 3' });
    await service.recordPing(token, 'fail');
    expect((await evaluate(config)).reason).toBe('reported failure');
    await service.recordPing(token, 'success', 0);
    expect((await evaluate(config)).status).toBe('up');
  });

  it('treats a start without a finish as running until start + grace, then down', async () => {
    const config = heartbeat('etl', { periodMs: HOUR, graceMs: 30 * MIN });
    const token = await service.ensureToken(config);
    await service.recordPing(token, 'success');
    await clock.advance(HOUR);
    await service.recordPing(token, 'start');
    await clock.advance(20 * MIN);
    expect(await evaluate(config)).toMatchObject({ status: 'up', reason: 'running since 01:00 UTC' });
    await clock.advance(11 * MIN);
    expect(await evaluate(config)).toMatchObject({ status: 'down', reason: 'started at 01:00 UTC, no finish within 30 min' });
    await service.recordPing(token, 'success');
    expect((await evaluate(config)).status).toBe('up');
  });
});

describe('HeartbeatService evaluation with cron', () => {
  it('expects the next cron time in the configured timezone', async () => {
    // 02:00 in New York is 07:00 UTC in January.
    const config = heartbeat('nightly', { cron: { expr: '0 2 * * *', timezone: 'America/New_York' }, graceMs: HOUR });
    const token = await service.ensureToken(config);
    await clock.set(Date.UTC(2026, 0, 1, 7, 3));
    await service.recordPing(token, 'success');
    expect(await evaluate(config)).toMatchObject({ status: 'up', reason: 'last ping 07:03 UTC, next expected by 2026-01-02 07:00 UTC' });
    await clock.set(Date.UTC(2026, 0, 2, 7, 30));
    expect(await evaluate(config)).toMatchObject({ status: 'degraded', reason: 'late: expected by 07:00 UTC' });
    await clock.set(Date.UTC(2026, 0, 2, 8, 1));
    expect(await evaluate(config)).toMatchObject({ status: 'down', reason: 'missed: expected by 07:00 UTC (last ping 2026-01-01 07:03 UTC)' });
  });

  it('reports an invalid cron expression instead of throwing', async () => {
    const outcome = await evaluate(heartbeat('bad', { cron: { expr: 'every day' }, graceMs: HOUR }));
    expect(outcome.status).toBe('down');
    expect(outcome.reason).toMatch(/^invalid schedule: /);
  });
});
