import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir.js';
import { FakeClock } from '../clock/index.js';
import { openGuardia } from '../engine/index.js';
import { alert, routingConfig, startReceiver, type Receiver } from './routing/internal/pipeline-test-kit.js';

let hook: Receiver;
beforeEach(async () => {
  hook = await startReceiver();
});
afterEach(() => hook.close());

describe('notifications in openGuardia', () => {
  it('follows alert:state events and records delivery latency and counts as series', async () => {
    const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
    const config = await routingConfig('notify: [hook]', { hook });
    const guardia = await openGuardia({ config, storePath: join(tempDir(), 'guardia.db'), clock });
    const stop = await guardia.notifications.start(guardia.events);
    guardia.events.emit('alert:state', alert('ServiceDown', 'firing', clock.now()));
    await guardia.notifications.idle();
    expect(hook.bodies.map((b) => b.status)).toEqual(['firing']);
    const latency = await guardia.tsdb.queryInstant([{ name: '__name__', op: '=', value: 'guardia_notification_delivery_seconds' }], clock.now());
    expect(latency).toMatchObject([{ labels: { channel: 'hook' }, sample: { v: 0 } }]);
    const sent = await guardia.tsdb.queryInstant([{ name: '__name__', op: '=', value: 'guardia_notifications_total' }], clock.now());
    expect(sent).toMatchObject([{ labels: { channel: 'hook', status: 'sent' }, sample: { v: 1 } }]);
    expect(await guardia.services.outbox.list()).toMatchObject([{ status: 'sent', channel: 'hook' }]);
    stop();
    await guardia.notifications.stop();
    await guardia.close();
  });
});
