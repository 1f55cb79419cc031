import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { UnavailableError } from '../errors.js';
import type { ListenAddress } from '../config/resolved-config.js';

export interface RunningServer {
  /** The bound address (port resolved when 0 was asked). */
  address: ListenAddress;
  url: string;
  close(): Promise<void>;
}

/** True for 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** Listens and resolves once bound; a busy or forbidden address is an UnavailableError. */
export function startHttpServer(app: Hono, listen: ListenAddress): Promise<RunningServer> {
  const hostname = listen.host.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port: listen.port }, (info: AddressInfo) => {
      server.off('error', onError);
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        address: { host: listen.host, port: info.port },
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Long-lived keep-alive or SSE connections must not hold shutdown.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    const onError = (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'address already in use' : error.code === 'EACCES' ? 'permission denied' : error.message;
      reject(new UnavailableError(`cannot listen on ${listen.host}:${listen.port}: ${why}`, { cause: error }));
    };
    server.once('error', onError);
  });
}
