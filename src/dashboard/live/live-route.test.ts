import { afterEach, describe, expect, it } from 'vitest';
import { dashboardFixture, NOW, probeView } from '../overview/dashboard-test-kit.js';
import { liveRoute } from './live-route.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** Reads the stream until `text` appears; returns everything read. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, sofar = ''): Promise<string> {
  const decoder = new TextDecoder();
  let seen = sofar;
  while (!seen.includes(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before "${text}": ${seen}`);
    seen += decoder.decode(value);
  }
  return seen;
}

describe('/live', () => {
  it('sends the firing banner on connect, a probe state change, alert changes and heartbeats, and stops on shutdown', async () => {
    const fixture = await dashboardFixture([probeView('production', 'api', 'up')]);
    close = fixture.close;
    const ticks: (() => void)[] = [];
    const shutdown = new AbortController();
    const app = fixture.withCaller(liveRoute(fixture.services, { shutdown: shutdown.signal, every: (_ms, tick) => (ticks.push(tick), () => undefined) }));
    const res = await app.request('/live');
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let seen = await readUntil(reader, 'event: alerts\ndata: \n\n');
    fixture.events.emit('probe:state', { probeId: 'production/api', env: 'production', probe: 'api', from: 'up', to: 'down', reason: 'HTTP 503', at: NOW });
    seen = await readUntil(reader, 'event: probe-production/api\ndata: <span class="badge badge-down">', seen);
    expect(seen).toContain('<div class="reason">HTTP 503</div>');
    ticks.forEach((tick) => tick());
    seen = await readUntil(reader, ': heartbeat\n\n', seen);
    shutdown.abort();
    const rest = await reader.read();
    expect(rest.done).toBe(true);
  });
});
