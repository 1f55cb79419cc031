import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { HttpServices } from '../../http/http-deps.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { ProbeStateCell, probeEventName } from '../overview/probe-state-cell.js';
import { sanitizeReason } from '../probes/recent-failures.js';
import { FiringBanner } from './firing-banner.js';
import type { LiveChange } from './live-feed.js';

/** How often an idle stream sends a comment, so proxies keep it open. */
export const HEARTBEAT_MS = 15_000;

export interface LiveRouteOptions {
  /** Aborted when guardia stops: every open stream ends. */
  shutdown?: AbortSignal;
  /** Runs `tick` every `ms`; returns the cancel function. Injected so tests need no real timers. */
  every?: (ms: number, tick: () => void) => () => void;
}

/**
 * `GET /live`: server-sent events for htmx's SSE extension. A probe's state change is the
 * event `probe-<id>` (its state cell's HTML); any alert change is `alerts` (the firing
 * banner's HTML, also sent on connect). Comments every 15 s keep the stream open.
 */
export function liveRoute(services: HttpServices, options: LiveRouteOptions = {}): Hono<DashboardEnv> {
  const every = options.every ?? ((ms, tick) => {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  });
  const app = new Hono<DashboardEnv>();
  app.get('/live', (c) =>
    streamSSE(c, async (stream) => {
      let chain = Promise.resolve();
      const send = (produce: () => Promise<void>) => {
        chain = chain.then(produce).catch(() => stream.abort());
      };
      const banner = async () => stream.writeSSE({ event: 'alerts', data: await html(<FiringBanner firing={await services.alerts.list({ state: 'firing' })} />) });
      const unsubscribe = services.live?.subscribe((change) => send(() => (change.kind === 'alert' ? banner() : probeEvent(stream, change))));
      const stopHeartbeat = every(HEARTBEAT_MS, () => send(() => stream.write(': heartbeat\n\n').then(() => undefined)));
      send(banner);
      await untilClosed(stream, options.shutdown);
      unsubscribe?.();
      stopHeartbeat();
    }),
  );
  return app;
}

async function probeEvent(stream: SSEStreamingApi, live: Extract<LiveChange, { kind: 'probe' }>): Promise<void> {
  const { probeId, to, reason } = live.change;
  await stream.writeSSE({ event: probeEventName(probeId), data: await html(<ProbeStateCell status={to} reason={sanitizeReason(reason)} />) });
}

async function html(node: Child): Promise<string> {
  return node === null || node === undefined ? '' : String(await (node as { toString(): string | Promise<string> }).toString());
}

function untilClosed(stream: SSEStreamingApi, shutdown: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (shutdown?.aborted) return resolve();
    const done = () => {
      shutdown?.removeEventListener('abort', done);
      resolve();
    };
    stream.onAbort(done);
    shutdown?.addEventListener('abort', done, { once: true });
  });
}
