import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import type { ProbeCommon, ProbeConfig } from '../config/resolved-config.js';
import { EventBus } from '../events/index.js';
import type { GuardiaEvents } from '../events/index.js';
import { Scheduler } from '../scheduler/index.js';
import { openMemoryStore } from '../store/index.js';
import { createTsdb } from '../tsdb/index.js';
import type { Store } from '../store/index.js';
import { FakeTsdb, common } from './internal/probe-test-kit.js';
import { loadProbeStates } from './load-probe-states.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { createProbeRunner } from './probe-runner.js';

let store: Store;
let clock: FakeClock;
let events: EventBus<GuardiaEvents>;
let tsdb: FakeTsdb;
let states: GuardiaEvents['probe:state'][];
let results: GuardiaEvents['probe:result'][];

beforeEach(async () => {
  store = await openMemoryStore();
  clock = new FakeClock(Date.UTC(2026, 0, 1));
  events = new EventBus<GuardiaEvents>();
  tsdb = new FakeTsdb();
  states = [];
  results = [];
  events.on('probe:state', (e) => states.push(e));
  events.on('probe:result', (e) => results.push(e));
});

afterEach(() => store.close());

/** A probe whose n-th attempt takes `steps[n].ms` of fake time and returns `steps[n].outcome` (the last step repeats). */
function scripted(steps: { ms?: number; outcome?: ProbeOutcome; throws?: unknown; hang?: boolean }[]): Probe & { attempts: number } {
  const probe = {
    kind: 'tcp',
    attempts: 0,
    async run(ctx: ProbeContext): Promise<ProbeOutcome> {
      const step = steps[Math.min(probe.attempts++, steps.length - 1)] ?? {};
      if (step.hang) return new Promise(() => {});
      if (step.ms) await ctx.clock.sleep(step.ms);
      if (step.throws !== undefined) throw step.throws;
      return step.outcome ?? { status: 'up', reason: 'ok' };
    },
  };
  return probe;
}

function setup(probe: Probe, overrides: Partial<ProbeCommon> = {}) {
  const config: ProbeConfig = { ...common('api', overrides), kind: 'tcp', tcp: { host: '127.0.0.1', port: 1 } };
  const runner = createProbeRunner({ clock, tsdb, store, events, createProbe: () => probe });
  return { config, runner };
}

async function runOnFakeTime(probe: Probe, overrides: Partial<ProbeCommon> = {}, advanceMs = 60_000) {
  const { config, runner } = setup(probe, overrides);
  const pending = runner.runOnce(config);
  await clock.advance(advanceMs);
  return pending;
}

const down = (reason: string): ProbeOutcome => ({ status: 'down', reason });

describe('ProbeRunner attempts', () => {
  it('retries a failing probe retryDelayMs apart and stops at the first success', async () => {
    const probe = scripted([{ outcome: down('connect ECONNREFUSED') }, { outcome: down('connect ECONNREFUSED') }, { ms: 40 }]);
    const result = await runOnFakeTime(probe, { retries: 5, retryDelayMs: 2_000 });
    expect(result).toMatchObject({ status: 'up', attempts: 3, durationMs: 40, at: Date.UTC(2026, 0, 1) });
    expect(probe.attempts).toBe(3);
  });

  it('reports down after retries are exhausted', async () => {
    const result = await runOnFakeTime(scripted([{ outcome: down('HTTP 503 (expected 2xx)') }]), { retries: 2 });
    expect(result).toMatchObject({ status: 'down', reason: 'HTTP 503 (expected 2xx)', attempts: 3 });
  });

  it('times out a probe that ignores its signal', async () => {
    const result = await runOnFakeTime(scripted([{ hang: true }]), { timeoutMs: 5_000 });
    expect(result).toMatchObject({ status: 'down', reason: 'timed out after 5 s', durationMs: 5_000 });
  });

  it('records nothing when the run is cancelled by shutdown', async () => {
    const { config, runner } = setup(scripted([{ hang: true }]));
    const controller = new AbortController();
    const pending = runner.runOnce(config, controller.signal);
    await clock.advance(1_000);
    controller.abort(new DOMException('scheduler stopped', 'AbortError'));
    await expect(pending).rejects.toThrow('scheduler stopped');
    expect(results).toHaveLength(0);
    expect(await loadProbeStates(store)).toEqual([]);
  });

  it('turns a throwing probe into down with a clean reason', async () => {
    const error = new Error('boom at https://admin:hunter2@db.example.com\n    at Object.<anonymous> (probe.ts:1:1)');
    const result = await runOnFakeTime(scripted([{ throws: error }]));
    expect(result).toMatchObject({ status: 'down', reason: 'boom at https://db.example.com' });
  });

  it('marks an up result slower than degradedOverMs as degraded', async () => {
    const result = await runOnFakeTime(scripted([{ ms: 812 }]), { degradedOverMs: 500 });
    expect(result).toMatchObject({ status: 'degraded', reason: 'slow: 812 ms > 500 ms' });
  });
});

describe('ProbeRunner records', () => {
  it('writes the standard series and the probe metrics with env and probe labels', async () => {
    const probe = scripted([{ ms: 250, outcome: { status: 'degraded', reason: 'meh', metrics: [{ name: 'guardia_probe_check_status', help: 'h', type: 'gauge', labels: { check: 'db', probe: 'spoofed' }, value: 1 }] } }]);
    await runOnFakeTime(probe);
    expect(tsdb.appended.every((a) => a.target === 'production/api')).toBe(true);
    const labels = { env: 'production', probe: 'api' };
    expect(tsdb.value('guardia_probe_up', labels)).toBe(1);
    expect(tsdb.value('guardia_probe_state', labels)).toBe(1);
    expect(tsdb.value('guardia_probe_duration_seconds', labels)).toBe(0.25);
    expect(tsdb.value('guardia_probe_check_status', { ...labels, check: 'db' })).toBe(1);
    expect(tsdb.appended.find((a) => a.sample.name === 'guardia_probe_up')?.sample.t).toBe(Date.UTC(2026, 0, 1) + 250);
  });

  it('writes series that the real Tsdb can query', async () => {
    const real = createTsdb(store);
    const config: ProbeConfig = { ...common('api'), kind: 'tcp', tcp: { host: '127.0.0.1', port: 1 } };
    const runner = createProbeRunner({ clock, tsdb: real, store, events, createProbe: () => scripted([{ outcome: down('refused') }]) });
    await runner.runOnce(config);
    await real.flush();
    const found = await real.queryInstant([{ name: '__name__', op: '=', value: 'guardia_probe_up' }, { name: 'probe', op: '=', value: 'api' }], clock.now());
    expect(found.map((s) => [s.labels, s.sample.v])).toEqual([[{ env: 'production', probe: 'api' }, 0]]);
  });

  it('keeps probe_state and publishes state changes from unknown', async () => {
    const probe = scripted([{ outcome: { status: 'up', reason: 'ok' } }, { outcome: { status: 'up', reason: 'ok' } }, { outcome: down('HTTP 500 (expected 2xx)') }]);
    const { config, runner } = setup(probe);
    const t0 = clock.now();
    await runner.runOnce(config);
    await clock.advance(10_000);
    await runner.runOnce(config);
    expect(states.map((s) => [s.from, s.to])).toEqual([['unknown', 'up']]);
    expect((await loadProbeStates(store))[0]).toMatchObject({ probeId: 'production/api', status: 'up', sinceMs: t0, lastRunMs: t0 + 10_000 });
    await clock.advance(10_000);
    await runner.runOnce(config);
    expect(states.map((s) => [s.from, s.to])).toEqual([['unknown', 'up'], ['up', 'down']]);
    expect(states[1]).toMatchObject({ probeId: 'production/api', env: 'production', probe: 'api', reason: 'HTTP 500 (expected 2xx)' });
    expect(await loadProbeStates(store)).toEqual([
      { probeId: 'production/api', env: 'production', probe: 'api', kind: 'tcp', status: 'down', reason: 'HTTP 500 (expected 2xx)', sinceMs: t0 + 20_000, lastRunMs: t0 + 20_000, durationMs: 0 },
    ]);
    expect(results).toHaveLength(3);
  });

  it('runs as a scheduler job on the probe cadence', async () => {
    const probe = scripted([{ ms: 100 }]);
    const { config, runner } = setup(probe, { everyMs: 10_000 });
    const scheduler = new Scheduler({ clock, events });
    const job = runner.toJob(config);
    expect(job).toMatchObject({ id: 'probe:production/api', everyMs: 10_000 });
    scheduler.add(job);
    await scheduler.start();
    await clock.advance(30_100); // the fourth run ends 100 ms after its slot
    expect(results.map((r) => r.at - Date.UTC(2026, 0, 1))).toEqual([0, 10_000, 20_000, 30_000]);
    await scheduler.stop();
  });
});

describe('ProbeRunner secrets', () => {
  it('redacts secret values from reasons before storing or publishing them', async () => {
    const probe = scripted([{ outcome: { status: 'down', reason: 'auth failed for key s3cr3t-value' } }]);
    const config: ProbeConfig = { ...common('api'), kind: 'tcp', tcp: { host: '127.0.0.1', port: 1 } };
    const redact = (text: string) => text.replaceAll('s3cr3t-value', '***');
    const runner = createProbeRunner({ clock, tsdb, store, events, createProbe: () => probe, redact });
    const pending = runner.runOnce(config);
    await clock.advance(60_000);
    expect((await pending).reason).toBe('auth failed for key ***');
    const stored = await store.db.selectFrom('probe_state').select('reason').execute();
    expect(stored).toEqual([{ reason: 'auth failed for key ***' }]);
    expect(states[0]?.reason).toBe('auth failed for key ***');
  });
});
