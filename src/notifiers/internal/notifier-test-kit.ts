import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Notification } from '../notifier.js';

/** One request a receiver got. */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How a receiver answers: a status and body, or `hang` to never answer. */
export type ReceiverAnswer = { status: number; body?: string } | 'hang';

/** A real HTTP server on loopback that records what it receives. */
export interface Receiver {
  url: string;
  requests: CapturedRequest[];
  /** Resolves with the next request (or one already received and not yet awaited). */
  nextRequest(): Promise<CapturedRequest>;
  answer: (request: CapturedRequest) => ReceiverAnswer;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1; by default it answers 200 `ok`. */
export async function startReceiver(answer: (request: CapturedRequest) => ReceiverAnswer = () => ({ status: 200, body: 'ok' })): Promise<Receiver> {
  const waiting: ((request: CapturedRequest) => void)[] = [];
  let unclaimed = 0;
  const receiver = { requests: [] as CapturedRequest[], answer } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      receiver.requests.push(request);
      const waiter = waiting.shift();
      if (waiter) waiter(request);
      else unclaimed++;
      const reply = receiver.answer(request);
      if (reply === 'hang') return;
      res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.nextRequest = () => {
    if (unclaimed > 0) {
      unclaimed--;
      return Promise.resolve(receiver.requests[receiver.requests.length - 1 - unclaimed] as CapturedRequest);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  receiver.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

/** A loopback URL nothing listens on: connections are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** A two-alert firing notification for payload tests. */
export function sampleNotification(overrides: Partial<Notification> = {}): Notification {
  const base = { env: 'production', severity: 'critical' };
  return {
    key: 'k1',
    channel: 'ops',
    status: 'firing',
    groupKey: '{}:{alertname="HighErrorRate"}',
    groupLabels: { alertname: 'HighErrorRate', env: 'production' },
    commonLabels: { alertname: 'HighErrorRate', ...base },
    commonAnnotations: {},
    externalUrl: 'http://127.0.0.1:4680',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'HighErrorRate', ...base, route: '/api/orders' },
        annotations: { summary: 'Errors on /api/orders > 5% <b>', runbook: 'https://runbooks.example.com/high-error-rate' },
        startsAt: Date.UTC(2026, 0, 1, 12, 0, 0),
        endsAt: null,
        fingerprint: 'aaaaaaaaaaaaaaaa',
        generatorUrl: 'http://127.0.0.1:4680/alerts/HighErrorRate',
      },
      {
        status: 'firing',
        labels: { alertname: 'HighErrorRate', ...base, route: '/api/users' },
        annotations: { summary: 'Errors on /api/users > 5%', runbook: 'runbooks/high-error-rate.md' },
        startsAt: Date.UTC(2026, 0, 1, 12, 0, 5),
        endsAt: null,
        fingerprint: 'bbbbbbbbbbbbbbbb',
        generatorUrl: 'http://127.0.0.1:4680/alerts/HighErrorRate',
      },
    ],
    ...overrides,
  };
}
