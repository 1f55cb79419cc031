import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli-capture.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { DEPLOY, releaseConfig, ROLLBACK, startStandInApp, type StandInApp } from './release-test-kit.js';

describe('guardia release (stand-in app deployed by a symlink)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  async function app(versions: Record<string, { broken?: boolean }>): Promise<StandInApp> {
    const started = await startStandInApp(versions, 'v1');
    cleanups.push(() => started.stop());
    return started;
  }
  const run = (a: StandInApp, ...argv: string[]) => cli(argv, { cwd: a.dir, env: { PATH: process.env.PATH ?? '', GUARDIA_USER: 'ana' } });

  it('deploys a version whose smoke test passes and records its steps', async () => {
    const a = await app({ v1: {}, v2: {} });
    releaseConfig(a, `      steps:\n        - ${JSON.stringify(DEPLOY)}\n        - { smoke: [ { http: /healthz } ] }\n      rollback: [ ${JSON.stringify(ROLLBACK)} ]`);
    const result = await run(a, 'release', 'production', 'v2');
    expect(result.stdout).toContain('[production smoke] smoke-1: up');
    expect(result.code).toBe(0);
    expect(await a.serving()).toBe('v2');
    const list = await run(a, 'releases', 'production', '--json');
    const { releases } = JSON.parse(list.stdout) as { releases: { version: string; status: string; steps: { status: string }[] }[] };
    expect(releases[0]).toMatchObject({ version: 'v2', status: 'succeeded' });
    expect(releases[0]?.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('rolls back a release whose smoke test fails: the previous version serves again', async () => {
    const a = await app({ v1: {}, v2: { broken: true }, v3: {} });
    releaseConfig(a, `      steps:\n        - ${JSON.stringify(DEPLOY)}\n        - { smoke: [ { http: /healthz } ] }\n      rollback: [ ${JSON.stringify(ROLLBACK)} ]`);
    expect((await run(a, 'release', 'production', 'v1')).code).toBe(0);
    const result = await run(a, 'release', 'production', 'v2', '--json');
    expect(result.code).toBe(1);
    const { release } = JSON.parse(result.stdout) as { release: { status: string; reason: string } };
    expect(release.status).toBe('rolled_back');
    expect(release.reason).toContain('database migrations were not reverted');
    expect(await a.serving()).toBe('v1');
  });

  it('rolls back when a watched probe goes down, and tells the webhook channel', async () => {
    const receiver: WebhookReceiver = await startWebhookReceiver();
    cleanups.push(() => void receiver.close());
    const a = await app({ v1: {}, v2: { broken: true } });
    releaseConfig(
      a,
      `      steps: [ ${JSON.stringify(DEPLOY)} ]\n      watch: { for: 2s, every: 500ms, probes: [healthz] }\n      rollback: [ ${JSON.stringify(ROLLBACK)} ]\n      notify: hook`,
      `channels:\n  hook: { webhook: { url: "${receiver.url}" } }\n`,
    );
    expect((await run(a, 'release', 'production', 'v1')).code).toBe(0);
    const result = await run(a, 'release', 'production', 'v2');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('probe healthz down during the watch');
    expect(await a.serving()).toBe('v1');
    const events = receiver.received.map((body) => body.commonLabels.event);
    expect(events).toEqual(['started', 'succeeded', 'started', 'rolled_back']);
  });

  it('waits for approval (exit 4), refuses self-approval, and runs once another person approves', async () => {
    const a = await app({ v1: {}, v2: {} });
    releaseConfig(a, `      approval: { approvers: 1, expires: 1h }\n      steps: [ ${JSON.stringify(DEPLOY)} ]`);
    const pending = await run(a, 'release', 'production', 'v2', '--json');
    expect(pending.code).toBe(4);
    const { release } = JSON.parse(pending.stdout) as { release: { id: string; status: string } };
    expect(release.status).toBe('pending_approval');
    const self = await run(a, 'approve', release.id);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('ana started release');
    const approved = await run(a, 'approve', release.id, '--as', 'bea');
    expect(approved.code).toBe(0);
    expect(await a.serving()).toBe('v2');
  });

  it('refuses a version outside the pattern and one not yet released to the required environment', async () => {
    const a = await app({ v1: {} });
    releaseConfig(a, `      requires: staging\n      steps: [ "true" ]`, `  staging:\n    release: { steps: [ "true" ] }\n`.replace(/^/, ''));
    const bad = await run(a, 'release', 'production', 'latest');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('does not match the allowed versions');
    const early = await run(a, 'release', 'production', 'v1.0.0');
    expect(early.stderr).toContain('has not been released to staging yet');
    expect((await run(a, 'release', 'staging', 'v1.0.0')).code).toBe(0);
    expect((await run(a, 'release', 'production', 'v1.0.0')).code).toBe(0);
  });
});
