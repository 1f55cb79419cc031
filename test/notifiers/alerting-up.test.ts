import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freePort, startTarget, type HttpTarget } from '../support/http-target.js';
import { cli } from '../support/run-cli-capture.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function track(target: Promise<HttpTarget>): Promise<HttpTarget> {
  const started = await target;
  closers.push(() => started.close());
  return started;
}

describe('guardia up with routing', () => {
  it('sends the firing and the resolve of an outage to a webhook, once each', async () => {
    let healthy = true;
    const app = await track(startTarget((_req, res) => res.writeHead(healthy ? 200 : 503).end()));
    const received: { status: string; alerts: { labels: Record<string, string> }[] }[] = [];
    const hook = await track(
      startTarget((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          received.push(JSON.parse(body));
          res.writeHead(200).end();
        });
      }),
    );
    const dir = tempDir();
    writeConfig(
      dir,
      `project: e2e
environments:
  production:
    url: ${app.url}
    probes:
      api: { http: /health, every: 1s, timeout: 500ms }
    alerts:
      ServiceDown: { down: api, severity: critical }
channels:
  hook: { webhook: { url: "${hook.url}/alerts" } }
routes:
  - { match: { alertname: ServiceDown }, channels: [hook] }
`,
    );
    const controller = new AbortController();
    const running = cli(['up', '--listen', `127.0.0.1:${await freePort()}`, '--data-dir', join(dir, 'state')], { cwd: dir, signal: controller.signal });
    try {
      await vi.waitFor(() => expect(received.length).toBeGreaterThan(0), { timeout: 2_000 }).catch(() => undefined);
      expect(received).toEqual([]);
      healthy = false;
      await vi.waitFor(() => expect(received.map((r) => r.status)).toEqual(['firing']), { timeout: 15_000, interval: 100 });
      expect(received[0]?.alerts[0]?.labels).toMatchObject({ alertname: 'ServiceDown', env: 'production', severity: 'critical' });
      healthy = true;
      await vi.waitFor(() => expect(received.map((r) => r.status)).toEqual(['firing', 'resolved']), { timeout: 15_000, interval: 100 });
    } finally {
      controller.abort();
      const result = await running;
      expect(result.stderr).not.toMatch(/error/i);
    }
  }, 40_000);
});
