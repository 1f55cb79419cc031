import { describe, expect, it } from 'vitest';
import { systemClock } from '../../clock/index.js';
import { closedPort, tcpServer } from '../internal/probe-test-kit.js';
import { TcpProbe } from './tcp-probe.js';

function run(port: number, signal = new AbortController().signal) {
  return new TcpProbe({ host: '127.0.0.1', port }).run({ signal, clock: systemClock, timeoutMs: 5_000 });
}

describe('TcpProbe', () => {
  it('is up when the port accepts a connection', async () => {
    const server = await tcpServer((socket) => socket.end());
    try {
      expect(await run(server.port)).toEqual({ status: 'up', reason: `connected to 127.0.0.1:${server.port}` });
    } finally {
      await server.close();
    }
  });

  it('is down with the socket error when the port is closed', async () => {
    const port = await closedPort();
    expect(await run(port)).toEqual({ status: 'down', reason: `connect ECONNREFUSED 127.0.0.1:${port}` });
  });

  it('reports the timeout when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('probe timed out', 'TimeoutError'));
    expect(await run(1, controller.signal)).toEqual({ status: 'down', reason: 'timed out after 5 s' });
  });
});
