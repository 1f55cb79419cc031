import { afterEach, describe, expect, it } from 'vitest';
import { startTarget, freePort, type HttpTarget } from '../support/http-target.js';
import { cli } from '../support/run-cli-capture.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

let target: HttpTarget | undefined;
afterEach(async () => target?.close());

interface Received {
  path: string;
  body: string;
}

/** A webhook receiver answering `status`; records what it receives. */
async function receiver(status: number): Promise<Received[]> {
  const received: Received[] = [];
  target = await startTarget((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      res.writeHead(status).end();
    });
  });
  return received;
}

function project(hookUrl: string): string {
  const dir = tempDir();
  writeConfig(
    dir,
    `project: demo
environments:
  production:
    probes:
      api: { tcp: "127.0.0.1:1" }
channels:
  hook:
    webhook: { url: "${hookUrl}", secret: "\${HOOK_SECRET}" }
  ops:
    slack: { webhook: "${hookUrl}/slack" }
`,
  );
  return dir;
}

const env = { HOOK_SECRET: 'signing-secret' };

describe('guardia notify test', () => {
  it('delivers a synthetic GuardiaTest alert to one channel', async () => {
    const received = await receiver(200);
    const dir = project(`${target?.url}/alerts`);
    const run = await cli(['notify', 'test', 'hook', '--severity', 'critical'], { cwd: dir, env });
    expect(run).toMatchObject({ code: 0, stdout: 'hook (webhook): test notification delivered\n', stderr: '' });
    const body = JSON.parse(received[0]?.body ?? '') as { status: string; alerts: { labels: Record<string, string> }[]; externalURL: string };
    expect(received[0]?.path).toBe('/alerts');
    expect(body.status).toBe('firing');
    expect(body.alerts[0]?.labels).toEqual({ alertname: 'GuardiaTest', severity: 'critical' });
    expect(body.externalURL).toBe('http://127.0.0.1:4680');
  });

  it('prints one JSON object with --json and defaults to severity low', async () => {
    const received = await receiver(200);
    const run = await cli(['notify', 'test', 'ops', '--json'], { cwd: project(target?.url ?? ''), env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ channel: 'ops', kind: 'slack', delivered: true });
    expect(received[0]?.path).toBe('/slack');
    expect(received[0]?.body).toContain('[FIRING:1] GuardiaTest');
  });

  it('exits 1 when the receiver refuses (4xx) and 3 when it fails (5xx)', async () => {
    await receiver(403);
    const refused = await cli(['notify', 'test', 'hook'], { cwd: project(target?.url ?? ''), env });
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: 'guardia: channel "hook" (webhook): the receiver answered HTTP 403\n' });
    await target?.close();
    await receiver(503);
    const failed = await cli(['notify', 'test', 'hook', '--json'], { cwd: project(target?.url ?? ''), env });
    expect(failed.code).toBe(3);
    expect(JSON.parse(failed.stdout)).toEqual({
      channel: 'hook',
      kind: 'webhook',
      delivered: false,
      retryable: true,
      error: { code: 'notify_failed', message: 'channel "hook" (webhook): the receiver answered HTTP 503' },
    });
  });

  it('exits 3 when the receiver is unreachable', async () => {
    const run = await cli(['notify', 'test', 'hook'], { cwd: project(`http://127.0.0.1:${await freePort()}`), env });
    expect(run).toMatchObject({ code: 3, stderr: 'guardia: channel "hook" (webhook): cannot reach the receiver (ECONNREFUSED)\n' });
  });

  it('exits 2 naming the channels when the channel is unknown', async () => {
    const run = await cli(['notify', 'test', 'pager'], { cwd: project('http://127.0.0.1:9'), env });
    expect(run).toMatchObject({ code: 2, stderr: 'guardia: unknown channel "pager"; channels: hook, ops\n' });
  });
});
