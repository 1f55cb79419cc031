import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, writeConfig } from '../../test/support/temp-dir.js';
import { FakeClock } from '../clock/index.js';
import { loadConfig } from '../config/index.js';
import { openGuardia, type Guardia } from '../engine/index.js';
import { createApp } from '../http/index.js';
import { alert, startReceiver, type Receiver } from './internal/incident-test-kit.js';

let guardia: Guardia | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await guardia?.incidents.stop();
  await guardia?.notifications.stop();
  await guardia?.close();
  await receiver?.close();
  guardia = receiver = undefined;
});

describe('incidents wired into guardia', () => {
  it('opens an incident from an alert:state event, escalates through the outbox, and acknowledges through the API link', async () => {
    receiver = await startReceiver();
    const dir = tempDir();
    const file = writeConfig(dir, `project: demo
environments:
  production: { url: "https://example.com" }
channels:
  oncall: { webhook: { url: "${receiver.url}" } }
incidents:
  severities:
    SEV1: { escalate: [ { after: 0m, notify: oncall } ] }
`);
    const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
    guardia = await openGuardia({ config: await loadConfig(file, { env: {} }), storePath: join(dir, 'guardia.db'), clock });
    await guardia.notifications.start(guardia.events);
    await guardia.incidents.start(guardia.events);
    guardia.events.emit('alert:state', alert('ServiceDown', 'firing', clock.now(), { annotations: { summary: 'api is down' } }));
    await guardia.incidents.idle();
    await guardia.notifications.idle();
    const [incident] = await guardia.services.incidents.list();
    expect(incident).toMatchObject({ severity: 'SEV1', title: 'api is down' });
    const sent = receiver.bodies[0] as unknown as { commonAnnotations: { ack_url: string } };
    const ackUrl = new URL(sent.commonAnnotations.ack_url);
    expect(ackUrl.origin).toBe('http://127.0.0.1:4680');
    const app = createApp(guardia.services, { loopback: true });
    expect((await app.request(ackUrl.pathname)).status).toBe(200);
    expect((await guardia.services.incidents.view(incident?.id ?? '')).status).toBe('acknowledged');
  });
});
