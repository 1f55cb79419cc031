import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The HTTP target, run in its own process so its CPU is not counted as guardia's.
 * Every path answers at once with a small health document whose one check reports a
 * varying latency, as a real `/health` does. `connection: close` ends each exchange, so
 * every probe opens a fresh connection like an uptime check from outside.
 * Sends `{ port }` over IPC once listening; exits when its parent goes away.
 */
let served = 0;
const server = createServer((_req, res) => {
  served++;
  const body = `{"status":"ok","checks":{"database":{"status":"ok","latency_ms":${1 + (served % 7)}}}}`;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
});
server.keepAliveTimeout = 0;

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => process.exit(0));
