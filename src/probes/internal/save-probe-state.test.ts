import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import type { ProbeConfig } from '../../config/resolved-config.js';
import { EventBus, type GuardiaEvents } from '../../events/index.js';
import { openMemoryStore, type Store } from '../../store/index.js';
import { loadProbeStates } from '../load-probe-states.js';
import type { ProbeOutcome, ProbeStatus } from '../probe.js';
import { createProbeRunner } from '../probe-runner.js';
import { common, FakeTsdb } from './probe-test-kit.js';

let store: Store;
let clock: FakeClock;
let events: EventBus<GuardiaEvents>;
let changes: [string, string][];
let next: ProbeStatus;

const config: ProbeConfig = { ...common('api'), kind: 'tcp', tcp: { host: '127.0.0.1', port: 1 } };
const outcome = (): ProbeOutcome => ({ status: next, reason: next === 'up' ? 'ok' : 'refused' });

function runner() {
  return createProbeRunner({ clock, tsdb: new FakeTsdb(), store, events, createProbe: () => ({ kind: 'tcp', run: async () => outcome() }) });
}

async function stored() {
  return (await loadProbeStates(store)).map(({ status, sinceMs, lastRunMs }) => ({ status, since: sinceMs - t0, lastRun: lastRunMs - t0 }));
}

const t0 = Date.UTC(2026, 0, 1);

beforeEach(async () => {
  store = await openMemoryStore();
  clock = new FakeClock(t0);
  events = new EventBus<GuardiaEvents>();
  changes = [];
  events.on('probe:state', (e) => changes.push([e.from, e.to]));
  next = 'up';
});

afterEach(() => store.close());

describe('probe state of scheduled runs', () => {
  it('writes a change at once and an unchanged status at the next flush', async () => {
    const r = runner();
    const job = r.toJob(config);
    await job.run(new AbortController().signal);
    expect(await stored()).toEqual([{ status: 'up', since: 0, lastRun: 0 }]);
    await clock.advance(10_000);
    await job.run(new AbortController().signal);
    expect(await stored()).toEqual([{ status: 'up', since: 0, lastRun: 0 }]);
    await r.flushStates();
    expect(await stored()).toEqual([{ status: 'up', since: 0, lastRun: 10_000 }]);
    next = 'down';
    await clock.advance(10_000);
    await job.run(new AbortController().signal);
    expect(await stored()).toEqual([{ status: 'down', since: 20_000, lastRun: 20_000 }]);
    expect(changes).toEqual([['unknown', 'up'], ['up', 'down']]);
  });

  it('writes what is queued on close, and a new runner carries on from the store', async () => {
    const first = runner();
    await first.toJob(config).run(new AbortController().signal);
    await clock.advance(10_000);
    await first.toJob(config).run(new AbortController().signal);
    await first.close();
    expect(await stored()).toEqual([{ status: 'up', since: 0, lastRun: 10_000 }]);
    const second = runner();
    await clock.advance(10_000);
    await second.toJob(config).run(new AbortController().signal);
    await second.flushStates();
    expect(changes).toEqual([['unknown', 'up']]);
    expect(await stored()).toEqual([{ status: 'up', since: 0, lastRun: 20_000 }]);
  });

  it('stores each of a burst of first results before its run ends', async () => {
    const r = runner();
    const configs = Array.from({ length: 50 }, (_, i): ProbeConfig => ({ ...config, ...common(`api${i}`) }));
    await Promise.all(configs.map(async (c) => {
      await r.toJob(c).run(new AbortController().signal);
      expect((await loadProbeStates(store)).some((s) => s.probeId === c.id)).toBe(true);
    }));
    expect(await stored()).toHaveLength(50);
  });

  it('never lets a queued row overwrite a newer manual run', async () => {
    const r = runner();
    await r.toJob(config).run(new AbortController().signal);
    await clock.advance(10_000);
    await r.toJob(config).run(new AbortController().signal);
    await clock.advance(1_000);
    await r.runOnce(config);
    await r.flushStates();
    expect(await stored()).toEqual([{ status: 'up', since: 0, lastRun: 11_000 }]);
  });
});
