import { afterAll, describe, expect, it } from 'vitest';
import { loadText, MINIMAL, problemsOf, removeTempDirs } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

describe('alerting.heartbeat', () => {
  it('is off unless configured', async () => {
    expect((await loadText(MINIMAL)).alerting.heartbeat).toBeUndefined();
  });

  it('defaults to a GET every minute', async () => {
    const config = await loadText(`${MINIMAL}alerting:\n  heartbeat: { url: "https://hc-ping.com/\${HC_UUID}" }\n`, { HC_UUID: 'abc-123' });
    expect(config.alerting.heartbeat).toEqual({ url: 'https://hc-ping.com/abc-123', everyMs: 60_000, method: 'GET' });
    expect(config.secrets).toContain('abc-123');
  });

  it('takes every and POST', async () => {
    const config = await loadText(`${MINIMAL}alerting:\n  heartbeat: { url: "http://127.0.0.1:9/ping", every: 30s, method: POST }\n`);
    expect(config.alerting.heartbeat).toEqual({ url: 'http://127.0.0.1:9/ping', everyMs: 30_000, method: 'POST' });
  });

  it('rejects a bad url, interval or method at its file:line:col', async () => {
    const problems = await problemsOf(`${MINIMAL}alerting:\n  heartbeat: { url: "hc-ping.com/x", every: 0s, method: PUT }\n`);
    expect(problems).toEqual([
      'guardia.yaml:9:21 alerting.heartbeat.url: expected an absolute http(s) URL like "https://hc-ping.com/<uuid>", got "hc-ping.com/x"',
      'guardia.yaml:9:45 alerting.heartbeat.every: expected a duration of at least 1s, got "0s"',
      'guardia.yaml:9:57 alerting.heartbeat.method: expected GET or POST, got "PUT"',
    ]);
  });
});
