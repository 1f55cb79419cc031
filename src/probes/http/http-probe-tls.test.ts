import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, systemClock } from '../../clock/index.js';
import type { Clock } from '../../clock/index.js';
import { httpSpec, listen, selfSignedCertificate } from '../internal/probe-test-kit.js';
import type { TestServer } from '../internal/probe-test-kit.js';
import { HttpProbe } from './http-probe.js';

const DAY = 86_400_000;
let server: TestServer;
let validTo: number;

beforeAll(async () => {
  const { key, cert } = selfSignedCertificate(30);
  server = await listen(https.createServer({ key, cert }, (_req, res) => res.writeHead(200).end('ok')));
  // Learn the certificate's expiry through the probe itself, on the real clock.
  const outcome = await probe(true, 14, systemClock);
  validTo = (outcome.metrics?.find((m) => m.name === 'guardia_probe_tls_cert_expiry_timestamp_seconds')?.value ?? 0) * 1_000;
});

afterAll(() => server.close());

function probe(insecure: boolean, minDays: number, clock: Clock) {
  return new HttpProbe(httpSpec(server.url, { tls: { insecure, minDays } })).run({ signal: new AbortController().signal, clock, timeoutMs: 5_000 });
}

describe('HttpProbe over TLS', () => {
  it('rejects a self-signed certificate with the TLS reason', async () => {
    expect(await probe(false, 14, systemClock)).toMatchObject({ status: 'down', reason: 'TLS: self-signed certificate' });
  });

  it('accepts it with insecure and reports when it expires', async () => {
    const outcome = await probe(true, 14, systemClock);
    expect(outcome).toMatchObject({ status: 'up', reason: 'HTTP 200' });
    const expectedDays = (validTo - Date.now()) / DAY;
    expect(expectedDays).toBeGreaterThan(29);
    expect(expectedDays).toBeLessThanOrEqual(30);
  });

  it('sees the certificate on every run, not only on a connection that resumed no session', async () => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await probe(true, 14, systemClock));
    for (const outcome of runs) {
      expect(outcome.metrics?.find((m) => m.name === 'guardia_probe_tls_cert_expiry_timestamp_seconds')?.value).toBe(validTo / 1_000);
    }
  });

  it('is degraded when fewer than minDays remain', async () => {
    const clock = new FakeClock(validTo - 5.5 * DAY);
    expect(await probe(true, 14, clock)).toMatchObject({ status: 'degraded', reason: `TLS certificate expires in 5 days (${new Date(validTo).toISOString().slice(0, 10)})` });
    expect((await probe(true, 3, clock)).status).toBe('up');
  });

  it('is down once the certificate has expired', async () => {
    const clock = new FakeClock(validTo + DAY);
    expect(await probe(true, 14, clock)).toMatchObject({ status: 'down', reason: `TLS certificate expired on ${new Date(validTo).toISOString().slice(0, 10)}` });
  });
});
