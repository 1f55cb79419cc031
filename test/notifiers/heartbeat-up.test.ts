import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { freePort, startTarget } from '../support/http-target.js';
import { cli } from '../support/run-cli-capture.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

describe('guardia up with alerting.heartbeat', () => {
  it('pings the dead man\'s switch while it evaluates rules, and stops when it stops', async () => {
    const pings: string[] = [];
    const deadMansSwitch = await startTarget((req, res) => {
      pings.push(`${req.method} ${req.url}`);
      res.writeHead(200).end('OK');
    });
    const dir = tempDir();
    writeConfig(
      dir,
      `project: hb
environments:
  production:
    probes:
      api: { http: "${deadMansSwitch.url}/health", every: 1s }
alerting:
  evaluation_interval: 1s
  heartbeat: { url: "${deadMansSwitch.url}/ping/\${HC_UUID}", every: 1s }
`,
    );
    const controller = new AbortController();
    const argv = ['up', '--listen', `127.0.0.1:${await freePort()}`, '--data-dir', join(dir, 'state')];
    const running = cli(argv, { cwd: dir, env: { HC_UUID: 'check-1' }, signal: controller.signal });
    try {
      await vi.waitFor(() => expect(pings.filter((p) => p.startsWith('GET /ping/')).length).toBeGreaterThanOrEqual(2), { timeout: 8_000, interval: 50 });
      expect(pings).toContain('GET /ping/check-1');
    } finally {
      controller.abort();
      const result = await running;
      expect(result.stderr).not.toContain('check-1');
      expect(result.stderr).not.toMatch(/heartbeat (not sent|ping)/);
    }
    const count = pings.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await deadMansSwitch.close();
    expect(pings).toHaveLength(count);
  }, 20_000);
});
