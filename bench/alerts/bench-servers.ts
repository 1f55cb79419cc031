import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One webhook body as the bench saw it arrive. */
export interface Arrival {
  status: string;
  alertnames: string[];
  /** `performance.now()` when the body was complete. */
  at: number;
}

/** The loopback target guardia probes; the bench switches it down and up. */
export interface SwitchableTarget {
  url: string;
  setHealthy(healthy: boolean): void;
  close(): Promise<void>;
}

/** The loopback webhook receiver: keeps every arrival and wakes whoever waits for the next one. */
export interface Receiver {
  url: string;
  arrivals: Arrival[];
  /** The first arrival at index `from` or later with this status, or undefined after `timeoutMs`. */
  next(status: 'firing' | 'resolved', from: number, timeoutMs: number): Promise<Arrival | undefined>;
  close(): Promise<void>;
}

/** Starts the target: 200 while healthy, 503 otherwise. */
export async function startSwitchableTarget(): Promise<SwitchableTarget> {
  let healthy = true;
  const server = createServer((_req, res) => res.writeHead(healthy ? 200 : 503, { connection: 'close' }).end(healthy ? 'ok' : 'down'));
  const url = await listen(server);
  return { url, setHealthy: (value) => (healthy = value), close: () => close(server) };
}

/** Starts the receiver of Alertmanager webhook bodies. */
export async function startReceiver(): Promise<Receiver> {
  const arrivals: Arrival[] = [];
  let wake: () => void = () => {};
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const at = performance.now();
      const parsed = JSON.parse(body) as { status: string; alerts: { labels: Record<string, string> }[] };
      arrivals.push({ status: parsed.status, alertnames: parsed.alerts.map((a) => a.labels.alertname ?? ''), at });
      res.writeHead(200).end();
      wake();
    });
  });
  const url = await listen(server);
  const next = async (status: string, from: number, timeoutMs: number): Promise<Arrival | undefined> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = arrivals.slice(from).find((a) => a.status === status);
      const left = deadline - performance.now();
      if (found || left <= 0) return found;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => (clearTimeout(timer), resolve());
      });
    }
  };
  return { url, arrivals, next, close: () => close(server) };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
