import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock/index.js';
import { EventBus } from '../../events/index.js';
import type { GuardiaEvents } from '../../events/index.js';
import { openMemoryStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import { FakeTsdb, httpConfig, httpServer, httpSpec, tcpServer } from '../internal/probe-test-kit.js';
import type { TestServer } from '../internal/probe-test-kit.js';
import { createProbeRunner } from '../probe-runner.js';
import { HttpProbe } from './http-probe.js';

const servers: TestServer[] = [];
const stores: Store[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function serve(server: Promise<TestServer>): Promise<TestServer> {
  const started = await server;
  servers.push(started);
  return started;
}

function runDirect(url: string, overrides: Parameters<typeof httpSpec>[1] = {}) {
  return new HttpProbe(httpSpec(url, overrides)).run({ signal: new AbortController().signal, clock: systemClock, timeoutMs: 5_000 });
}

/** Streams `total` bytes with backpressure and reports how many were written when the client went away. */
function bigBody(total: number) {
  let resolveClosed: (sent: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (resolveClosed = resolve));
  const handler = (_req: unknown, res: ServerResponse) => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    res.on('close', () => resolveClosed(sent));
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': total });
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  };
  return { handler, closed };
}

describe('HttpProbe against misbehaving servers', () => {
  it('times out on a server that never answers, without delaying another probe', async () => {
    const hanging = await serve(httpServer(() => {}));
    const healthy = await serve(httpServer((_req, res) => res.writeHead(200).end('ok')));
    const store = await openMemoryStore();
    stores.push(store);
    const runner = createProbeRunner({ clock: systemClock, tsdb: new FakeTsdb(), store, events: new EventBus<GuardiaEvents>() });
    let hungSettled = false;
    const hung = runner.runOnce(httpConfig('hung', httpSpec(hanging.url), { timeoutMs: 1_500 })).finally(() => (hungSettled = true));
    const quick = await runner.runOnce(httpConfig('quick', httpSpec(healthy.url)));
    expect(quick.status).toBe('up');
    expect(hungSettled).toBe(false);
    expect(await hung).toMatchObject({ status: 'down', reason: 'timed out after 1.5 s' });
  });

  it('reports a connection reset', async () => {
    const resetting = await serve(tcpServer((socket) => socket.once('data', () => socket.resetAndDestroy())));
    expect(await runDirect(resetting.url)).toMatchObject({ status: 'down', reason: 'connection reset by the server' });
  });

  it('reports a connection closed before any response', async () => {
    const closing = await serve(tcpServer((socket) => socket.once('data', () => socket.end())));
    expect(await runDirect(closing.url)).toMatchObject({ status: 'down', reason: 'connection closed without a response' });
  });

  it('reports a TLS handshake with a server that does not speak TLS', async () => {
    const plain = await serve(httpServer((_req, res) => res.writeHead(200).end()));
    expect(await runDirect(plain.url.replace('http:', 'https:'))).toMatchObject({ status: 'down', reason: 'TLS handshake failed: wrong version number' });
  });

  it('reports a reply that is not HTTP', async () => {
    const garbage = await serve(tcpServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'))));
    const outcome = await runDirect(garbage.url);
    expect(outcome.status).toBe('down');
    expect(outcome.reason).toMatch(/^invalid HTTP response \(.+\)$/);
  });

  it('caps a 50 MB body, destroys the socket and fails a check that needs the body', async () => {
    const big = bigBody(50 * 1024 * 1024);
    const target = await serve(httpServer(big.handler));
    const outcome = await runDirect(target.url, { expect: { body: 'ok' } });
    expect(outcome).toMatchObject({ status: 'down', reason: 'response body exceeds 1 MiB' });
    const sent = await big.closed;
    expect(sent).toBeLessThan(25 * 1024 * 1024); // the client hung up long before the end
  });

  it('passes a huge body when no check needs it', async () => {
    const big = bigBody(50 * 1024 * 1024);
    const target = await serve(httpServer(big.handler));
    expect(await runDirect(target.url, { maxBodyBytes: 64 * 1024 })).toMatchObject({ status: 'up', reason: 'HTTP 200' });
    expect(await big.closed).toBeLessThan(25 * 1024 * 1024);
  });

  it('says the body is not JSON when a JSON check meets HTML', async () => {
    const html = await serve(httpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>')));
    expect(await runDirect(html.url, { expect: { json: { status: 'ok' } } })).toMatchObject({ status: 'down', reason: 'body is not JSON' });
  });
});
