import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli-capture.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'hook-secret-4711';

/** A provider stand-in on loopback: POST /deploy answers `hookStatus`; GET /status answers `statuses` in turn (the last repeats). */
async function startProvider(hookStatus: number, statuses: string[]) {
  const hooks: string[] = [];
  let polls = 0;
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/deploy')) {
      hooks.push(req.url);
      return res.writeHead(hookStatus, { 'content-type': 'application/json' }).end('{"id":"dep-1"}');
    }
    const status = statuses[Math.min(polls, statuses.length - 1)] ?? 'live';
    polls += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'dep-1', status }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hooks, polls: () => polls, close: () => void server.close() };
}

describe('release step http (a provider deploy hook polled until live)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function setUp(hookStatus: number, statuses: string[], key: string, timeout = '5s') {
    const provider = await startProvider(hookStatus, statuses);
    cleanups.push(() => provider.close());
    const receiver: WebhookReceiver = await startWebhookReceiver();
    cleanups.push(() => void receiver.close());
    const dir = tempDir('guardia-release-http-');
    writeConfig(
      dir,
      `project: hooks
channels:
  hook: { webhook: { url: "${receiver.url}" } }
environments:
  production:
    release:
      steps:
        - http:
            url: "${provider.url}/deploy?key=${key}"
            poll: { url: "${provider.url}/status?key=${key}", until: { json: { status: live } }, every: 100ms, timeout: ${timeout} }
      rollback: [ "touch rolled-back" ]
      notify: hook
`,
    );
    const run = (...argv: string[]) => cli(argv, { cwd: dir, env: { PATH: process.env.PATH ?? '', GUARDIA_USER: 'ana', DEPLOY_KEY: SECRET } });
    return { provider, receiver, dir, run };
  }

  /** Everything a secret could leak into: live output, the record as listed, and the notifications. */
  async function expectNoSecret(run: (...argv: string[]) => Promise<{ stdout: string; stderr: string }>, receiver: WebhookReceiver, ...outputs: string[]) {
    const listed = await run('releases', 'production', '--json');
    for (const text of [...outputs, listed.stdout, JSON.stringify(receiver.received)]) expect(text).not.toContain(SECRET);
  }

  it('calls the hook, polls the status URL until it says live, and succeeds', async () => {
    const { provider, receiver, run } = await setUp(200, ['queued', 'building', 'live'], '${DEPLOY_KEY}');
    const result = await run('release', 'production', 'v1.0.0');
    expect(result.code).toBe(0);
    expect(provider.hooks).toEqual([`/deploy?key=${SECRET}`]);
    expect(provider.polls()).toBe(3);
    expect(result.stdout).toContain('(done)');
    await expectNoSecret(run, receiver, result.stdout, result.stderr);
  });

  it('fails the release when the hook answers 500, and rolls back', async () => {
    const { provider, receiver, dir, run } = await setUp(500, ['live'], '${DEPLOY_KEY}');
    const result = await run('release', 'production', 'v1.0.0', '--json');
    expect(result.code).toBe(1);
    const { release } = JSON.parse(result.stdout) as { release: { status: string; reason: string } };
    expect(release).toMatchObject({ status: 'rolled_back' });
    expect(release.reason).toContain('the deploy hook answered 500');
    expect(provider.polls()).toBe(0);
    expect(existsSync(join(dir, 'rolled-back'))).toBe(true);
    expect(receiver.received.map((n) => n.commonLabels.event)).toEqual(['started', 'rolled_back']);
    await expectNoSecret(run, receiver, result.stdout, result.stderr);
  });

  it('times out with a clear message when the status never says live', async () => {
    const { receiver, run } = await setUp(200, ['building'], '${DEPLOY_KEY}', '1s');
    const result = await run('release', 'production', 'v1.0.0', '--json');
    expect(result.code).toBe(1);
    const { release } = JSON.parse(result.stdout) as { release: { reason: string } };
    expect(release.reason).toMatch(/the deploy did not finish within 1 s \(the status URL last answered 200 \{"id":"dep-1","status":"building"\}\)/);
    await expectNoSecret(run, receiver, result.stdout, result.stderr);
  });

  it('keeps a key written literally in the URL (not interpolated) out of the output, the record and notifications', async () => {
    const { provider, receiver, run } = await setUp(500, ['live'], SECRET);
    const result = await run('release', 'production', 'v1.0.0');
    expect(result.code).toBe(1);
    expect(provider.hooks).toEqual([`/deploy?key=${SECRET}`]);
    await expectNoSecret(run, receiver, result.stdout, result.stderr);
  });
});
