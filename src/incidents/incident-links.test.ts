import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, writeConfig } from '../../test/support/temp-dir.js';
import { FakeClock } from '../clock/index.js';
import { loadConfig } from '../config/index.js';
import { openGuardia, type Guardia } from '../engine/index.js';
import { createApp } from '../http/index.js';
import { alert, startReceiver, type Receiver } from './internal/incident-test-kit.js';

const MIN = 60_000;
type Sent = { status: string; commonAnnotations: Record<string, string>; alerts: { annotations: Record<string, string> }[] };

let guardia: Guardia | undefined;
const receivers: Receiver[] = [];
afterEach(async () => {
  await guardia?.incidents.stop();
  await guardia?.notifications.stop();
  await guardia?.close();
  for (const r of receivers.splice(0)) await r.close();
  guardia = undefined;
});

/** guardia routing every alert to `hook`, and escalating SEV1 incidents to `pager` after 15 minutes. */
async function open(clock: FakeClock) {
  const [hook, pager] = [await startReceiver(), await startReceiver()];
  receivers.push(hook, pager);
  const dir = tempDir();
  const file = writeConfig(dir, `project: demo
environments:
  production: { url: "https://example.com" }
channels:
  hook: { webhook: { url: "${hook.url}" } }
  pager: { webhook: { url: "${pager.url}" } }
notify: [hook]
incidents:
  open_on: [critical]
  severities:
    SEV1: { escalate: [ { after: 15m, notify: pager } ] }
`);
  guardia = await openGuardia({ config: await loadConfig(file, { env: {} }), storePath: join(dir, 'guardia.db'), clock });
  await guardia.notifications.start(guardia.events);
  await guardia.incidents.start(guardia.events);
  return { g: guardia, hook, pager };
}

async function settle(g: Guardia) {
  await g.incidents.idle();
  await g.notifications.idle();
}

describe('incident links in routed notifications', () => {
  it('puts a working ack link in the first firing notification of the alert that opens the incident', async () => {
    const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
    const { g, hook, pager } = await open(clock);
    g.events.emit('alert:state', alert('ServiceDown', 'firing', clock.now()));
    await settle(g);
    const [incident] = await g.services.incidents.list();
    const [first] = hook.bodies as unknown as Sent[];
    expect(first?.status).toBe('firing');
    expect(first?.commonAnnotations.incident_url).toBe(`http://127.0.0.1:4680/api/v1/incidents/${incident?.id}`);
    expect(first?.alerts[0]?.annotations.ack_url).toBe(first?.commonAnnotations.ack_url);

    const app = createApp(g.services, { loopback: true });
    const ack = new URL(first?.commonAnnotations.ack_url ?? '');
    expect((await app.request(ack.pathname)).status).toBe(200);
    expect((await g.services.incidents.view(incident?.id ?? '')).status).toBe('acknowledged');
    await clock.advance(20 * MIN);
    await settle(g);
    expect(pager.bodies).toEqual([]);
  });

  it('leaves notifications of alerts without an incident as they are', async () => {
    const clock = new FakeClock(Date.UTC(2026, 2, 1, 12));
    const { g, hook } = await open(clock);
    g.events.emit('alert:state', alert('SlowQueries', 'firing', clock.now(), { severity: 'medium' }));
    await settle(g);
    await clock.advance(MIN);
    await settle(g);
    const [first] = hook.bodies as unknown as Sent[];
    expect(first?.status).toBe('firing');
    expect(first?.commonAnnotations).not.toHaveProperty('ack_url');
    expect(await g.services.incidents.list()).toEqual([]);
  });
});
