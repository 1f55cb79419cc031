import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpProbeSpec, ProbeCommon, ProbeConfig } from '../../config/resolved-config.js';
import type { AppendResult, AppendSample, Tsdb } from '../../tsdb/tsdb.js';

/** Helpers for probe tests: configs as plain objects, loopback servers, a fake Tsdb. */

export const defaultVocabulary = {
  up: ['ok', 'healthy', 'up', 'pass', 'connected'],
  degraded: ['warn', 'warning', 'degraded'],
  down: ['error', 'critical', 'fail', 'down', 'unhealthy', 'disconnected'],
};

type SpecOverrides = Partial<Omit<HttpProbeSpec, 'expect' | 'tls' | 'health'>> & {
  expect?: Partial<HttpProbeSpec['expect']>;
  tls?: Partial<HttpProbeSpec['tls']>;
  health?: Partial<HttpProbeSpec['health']>;
};

export function httpSpec(url: string, overrides: SpecOverrides = {}): HttpProbeSpec {
  return {
    method: 'GET',
    headers: {},
    followRedirects: true,
    maxRedirects: 5,
    maxBodyBytes: 1_048_576,
    ...overrides,
    url,
    tls: { insecure: false, minDays: 14, ...overrides.tls },
    expect: { status: [{ min: 200, max: 299 }], jsonPath: [], headers: {}, ...overrides.expect },
    health: { mode: 'auto', vocabulary: defaultVocabulary, ...overrides.health },
  };
}

export function common(name: string, overrides: Partial<ProbeCommon> = {}): ProbeCommon {
  return { id: `production/${name}`, env: 'production', name, everyMs: 10_000, timeoutMs: 5_000, retries: 0, retryDelayMs: 1_000, jitterMs: 0, ...overrides };
}

export function httpConfig(name: string, spec: HttpProbeSpec, overrides: Partial<ProbeCommon> = {}): ProbeConfig {
  return { ...common(name, overrides), kind: 'http', http: spec };
}

/** A Tsdb that only records appends. */
export class FakeTsdb implements Pick<Tsdb, 'append'> {
  readonly appended: { target: string; sample: AppendSample }[] = [];

  append(target: string, samples: AppendSample[]): AppendResult {
    for (const sample of samples) this.appended.push({ target, sample });
    return { accepted: samples.length, rejected: 0, outOfOrder: 0 };
  }

  /** Latest value of a series by name and (partial) labels. */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    const hits = this.appended.filter(({ sample }) => sample.name === name && Object.entries(labels).every(([k, v]) => sample.labels[k] === v));
    return hits.at(-1)?.sample.v;
  }
}

export interface TestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts a server on a free loopback port. */
export async function listen(server: Server): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = server instanceof https.Server ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (server instanceof http.Server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function httpServer(handler: http.RequestListener): Promise<TestServer> {
  return listen(http.createServer(handler));
}

export function tcpServer(onConnection: (socket: net.Socket) => void): Promise<TestServer> {
  return listen(net.createServer(onConnection));
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = await tcpServer(() => {});
  await server.close();
  return server.port;
}

/** A self-signed certificate for 127.0.0.1 valid for `days`, generated with openssl. */
export function selfSignedCertificate(days: number): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'guardia-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', String(days),
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
