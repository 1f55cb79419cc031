import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTarget, type HttpTarget } from '../../../test/support/http-target.js';
import { FakeClock } from '../../clock/index.js';
import type { HeartbeatPingConfig } from '../../config/index.js';
import { EventBus, type GuardiaEvents } from '../../events/index.js';
import { Scheduler } from '../../scheduler/index.js';
import { HeartbeatPinger } from './heartbeat-pinger.js';

const MIN = 60_000;

interface Ping {
  method: string;
  path: string;
  body: string;
}

let receiver: HttpTarget | undefined;
let scheduler: Scheduler | undefined;
/** Ends a stuck evaluation, so the scheduler can stop. */
let unstick = () => {};
afterEach(async () => {
  unstick();
  await scheduler?.stop();
  await receiver?.close();
  scheduler = receiver = undefined;
});

/** A dead man's switch on loopback, guardia's scheduler on a fake clock, and rule evaluation that can be broken. */
async function rig(config: Partial<HeartbeatPingConfig> = {}) {
  const pings: Ping[] = [];
  const answer = { status: 200 };
  receiver = await startTarget((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      pings.push({ method: req.method ?? '', path: req.url ?? '', body });
      res.writeHead(answer.status).end();
    });
  });
  const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
  const events = new EventBus<GuardiaEvents>();
  scheduler = new Scheduler({ clock, events });
  const evaluation = { mode: 'ok' as 'ok' | 'fail' | 'stuck' };
  scheduler.add({
    id: 'guardia:alert-rules',
    everyMs: 10_000,
    jitterMs: 0,
    deadlineMs: 60_000,
    run: async () => {
      if (evaluation.mode === 'fail') throw new Error('query failed');
      // Like the rule manager, a stuck evaluation does not honour the deadline's abort.
      if (evaluation.mode === 'stuck') await new Promise<void>((resolve) => (unstick = resolve));
    },
  });
  const skips: string[] = [];
  const pinger = new HeartbeatPinger({
    config: { url: `${receiver.url}/ping/abc`, everyMs: MIN, method: 'GET', ...config },
    clock, events, evaluationJobId: 'guardia:alert-rules', evaluationIntervalMs: 10_000, project: 'demo',
    onSkip: (reason) => skips.push(reason),
  });
  pinger.start();
  scheduler.add(pinger.toJob());
  await scheduler.start();
  return { clock, pings, skips, answer, evaluation };
}

describe('outbound heartbeat', () => {
  it('pings every `every` while rules are evaluated, quietly skipping the tick before the first evaluation', async () => {
    const r = await rig();
    await r.clock.advance(0);
    await r.clock.advance(MIN);
    await vi.waitFor(() => expect(r.pings).toHaveLength(1));
    expect(r.pings[0]).toMatchObject({ method: 'GET', path: '/ping/abc', body: '' });
    await r.clock.advance(MIN);
    await vi.waitFor(() => expect(r.pings).toHaveLength(2));
    expect(r.skips).toEqual([]);
  });

  it('POSTs a small JSON body when asked to', async () => {
    const r = await rig({ method: 'POST' });
    await r.clock.advance(MIN);
    await vi.waitFor(() => expect(r.pings).toHaveLength(1));
    expect(r.pings[0]?.method).toBe('POST');
    expect(JSON.parse(r.pings[0]?.body ?? '')).toEqual({ project: 'demo', status: 'ok', at: '2026-03-01T12:01:00.000Z' });
  });

  it('stops pinging while evaluation fails, and resumes when it recovers', async () => {
    const r = await rig();
    await r.clock.advance(MIN);
    await vi.waitFor(() => expect(r.pings).toHaveLength(1));
    r.evaluation.mode = 'fail';
    await r.clock.advance(MIN);
    await vi.waitFor(() => expect(r.skips).toEqual(['heartbeat not sent: the last rule evaluation failed']));
    r.evaluation.mode = 'ok';
    await r.clock.advance(MIN);
    await vi.waitFor(() => expect(r.pings).toHaveLength(2));
  });

  it('stops pinging while evaluation hangs', async () => {
    const r = await rig();
    await r.clock.advance(MIN);
    await vi.waitFor(() => expect(r.pings).toHaveLength(1));
    r.evaluation.mode = 'stuck';
    // The evaluation at +70 s hangs; its deadline (60 s) passes at +130 s.
    await r.clock.advance(MIN);
    await r.clock.advance(MIN);
    await vi.waitFor(() =>
      expect(r.skips).toEqual(['heartbeat not sent: the last rule evaluation finished 60 s ago', 'heartbeat not sent: the last rule evaluation timed out']),
    );
    expect(r.pings).toHaveLength(1);
  });

  it('stops pinging when evaluation has not finished for two intervals', async () => {
    const r = await rig({ everyMs: 30_000 });
    await r.clock.advance(30_000);
    await vi.waitFor(() => expect(r.pings).toHaveLength(1));
    r.evaluation.mode = 'stuck';
    // The evaluation at +40 s hangs; at +60 s the last clean one (+30 s) is older than 2 intervals + 5 s.
    await r.clock.advance(30_000);
    await vi.waitFor(() => expect(r.skips).toEqual(['heartbeat not sent: the last rule evaluation finished 30 s ago']));
    expect(r.pings).toHaveLength(1);
  });

  it('logs a refused ping and tries again at the next tick', async () => {
    const r = await rig();
    r.answer.status = 503;
    await r.clock.advance(MIN);
    await vi.waitFor(() => expect(r.skips).toEqual(['heartbeat ping answered HTTP 503; retrying next tick']));
    r.answer.status = 200;
    await r.clock.advance(MIN);
    await vi.waitFor(() => expect(r.pings).toHaveLength(2));
    expect(r.skips).toHaveLength(1);
  });
});
