import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import { openSqliteStore } from '../../store/index.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { alert, openPipeline, routingConfig, startReceiver, type Receiver } from '../routing/internal/pipeline-test-kit.js';

let hook: Receiver;
beforeEach(async () => {
  hook = await startReceiver();
});
afterEach(() => hook.close());

describe('durable outbox', () => {
  it('retries with exponential backoff while the receiver is down, then delivers', async () => {
    const r = await openPipeline(await routingConfig('notify: [hook]', { hook }));
    hook.failWith = 503;
    r.pipeline.handle(alert('ServiceDown', 'firing', r.clock.now()));
    await r.pipeline.idle();
    const [row] = await r.pipeline.outbox.list();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: r.clock.now() + 1_000 });
    expect(row?.lastError).toMatch(/503/);
    await r.clock.advance(1_000);
    await r.pipeline.idle();
    expect((await r.pipeline.outbox.list())[0]).toMatchObject({ attempts: 2, nextAttemptAt: r.clock.now() + 2_000 });
    hook.failWith = 200;
    await r.clock.advance(1_999);
    await r.pipeline.idle();
    expect(hook.bodies).toEqual([]);
    await r.clock.advance(1);
    await r.pipeline.idle();
    expect(hook.bodies).toHaveLength(1);
    expect((await r.pipeline.outbox.list())[0]).toMatchObject({ status: 'sent', attempts: 3 });
    await r.pipeline.stop();
    await r.store.close();
  });

  it('turns a delivery into a dead letter after the last attempt, or at once when it cannot succeed', async () => {
    const r = await openPipeline(await routingConfig('notify: [hook]', { hook }), { retry: { maxAttempts: 3 } });
    hook.failWith = 500;
    r.pipeline.handle(alert('ServiceDown', 'firing', r.clock.now()));
    await r.clock.advance(10_000);
    await r.pipeline.idle();
    expect(await r.pipeline.outbox.list({ status: 'dead' })).toMatchObject([{ attempts: 3, channel: 'hook' }]);
    hook.failWith = 400;
    r.pipeline.handle(alert('ServiceDown', 'resolved', r.clock.now(), { firedAt: r.clock.now() - 10_000 }));
    await r.pipeline.idle();
    expect(await r.pipeline.outbox.list({ status: 'dead' })).toHaveLength(2);
    expect(await r.pipeline.outbox.list({ status: 'pending' })).toEqual([]);
    await r.pipeline.stop();
    await r.store.close();
  });

  it('delivers rows left pending by a previous process once after a restart, and resumes group state', async () => {
    const dir = tempDir();
    const config = await routingConfig('notify: [hook]', { hook });
    const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
    const first = await openPipeline(config, { store: await openSqliteStore(join(dir, 'g.db')), clock });
    hook.failWith = 503;
    const t0 = clock.now();
    first.pipeline.handle(alert('ServiceDown', 'firing', t0));
    await first.pipeline.stop();
    await first.store.close();
    hook.failWith = 200;
    const second = await openPipeline(config, { store: await openSqliteStore(join(dir, 'g.db')), clock });
    await clock.advance(1_000);
    await second.pipeline.idle();
    // The rules re-publish the firing alert after the restart: nothing new to send.
    second.pipeline.handle(alert('ServiceDown', 'firing', t0));
    await clock.advance(60_000);
    await second.pipeline.idle();
    expect(hook.bodies.map((b) => b.status)).toEqual(['firing']);
    second.pipeline.handle(alert('ServiceDown', 'resolved', clock.now(), { firedAt: t0 }));
    await second.pipeline.idle();
    expect(hook.bodies.map((b) => b.status)).toEqual(['firing', 'resolved']);
    await second.pipeline.stop();
    await second.store.close();
  });

  it('resumes a group still in group_wait after a restart and sends it once', async () => {
    const dir = tempDir();
    const config = await routingConfig('notify: [hook]', { hook });
    const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
    const first = await openPipeline(config, { store: await openSqliteStore(join(dir, 'g.db')), clock });
    first.pipeline.handle(alert('HighLatency', 'firing', clock.now(), { severity: 'high' }));
    await clock.advance(10_000);
    await first.pipeline.stop();
    await first.store.close();
    const second = await openPipeline(config, { store: await openSqliteStore(join(dir, 'g.db')), clock });
    await clock.advance(19_999);
    await second.pipeline.idle();
    expect(hook.bodies).toEqual([]);
    await clock.advance(1);
    await second.pipeline.idle();
    expect(hook.bodies.map((b) => b.status)).toEqual(['firing']);
    await clock.advance(3_600_000);
    await second.pipeline.idle();
    expect(hook.bodies).toHaveLength(1);
    await second.pipeline.stop();
    await second.store.close();
  });

  it('never double-sends when two processes share one store', async () => {
    const dir = tempDir();
    const config = await routingConfig('notify: [hook]', { hook });
    const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
    const a = await openPipeline(config, { store: await openSqliteStore(join(dir, 'g.db')), clock });
    const b = await openPipeline(config, { store: await openSqliteStore(join(dir, 'g.db')), clock });
    const t0 = clock.now();
    for (const event of [alert('ServiceDown', 'firing', t0), alert('ServiceDown', 'resolved', t0 + 5_000, { firedAt: t0 })]) {
      a.pipeline.handle(event);
      b.pipeline.handle(event);
      await Promise.all([a.pipeline.idle(), b.pipeline.idle()]);
    }
    await clock.advance(60_000);
    await Promise.all([a.pipeline.idle(), b.pipeline.idle()]);
    expect(hook.bodies.map((body) => body.status)).toEqual(['firing', 'resolved']);
    for (const rig of [a, b]) {
      await rig.pipeline.stop();
      await rig.store.close();
    }
  });
});
