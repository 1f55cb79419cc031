import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertStateRepository } from '../../src/alerts/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { cli } from '../support/run-cli-capture.js';
import { DEPLOY, releaseConfig, ROLLBACK, startStandInApp, type StandInApp } from './release-test-kit.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** `guardia …` in its own process; resolves once a stdout line contains `waitFor`. */
function guardiaChild(cwd: string, argv: string[], waitFor: string) {
  const child = spawn(process.execPath, ['--import', join(ROOT, 'test/support/ts-register.mjs'), join(ROOT, 'src/cli/main.ts'), ...argv], {
    cwd,
    env: { PATH: process.env.PATH ?? '', GUARDIA_USER: 'ci' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  const seen = new Promise<void>((resolveSeen, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes(waitFor)) resolveSeen();
    });
    void exited.then((code) => reject(new Error(`guardia ${argv.join(' ')} exited ${code} before printing "${waitFor}": ${stderr}`)));
  });
  return { child, seen, exited };
}

// A child guardia transpiles its sources on start: slow on a busy machine.
const CHILD_TIMEOUT_MS = 180_000;

describe('guardia release across processes', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  async function app(): Promise<StandInApp> {
    const started = await startStandInApp({ v1: {}, v2: {} }, 'v1');
    cleanups.push(() => started.stop());
    return started;
  }
  const run = (a: StandInApp, ...argv: string[]) => cli(argv, { cwd: a.dir, env: { PATH: process.env.PATH ?? '', GUARDIA_USER: 'ana' } });
  const slowDeploy = `      steps:\n        - { run: 'echo deploying; touch started; while [ ! -e go ]; do sleep 0.05; done; ${DEPLOY}', name: deploy }\n      rollback: [ ${JSON.stringify(ROLLBACK)} ]`;

  it('refuses a second concurrent release with an error naming the first one\'s holder', async () => {
    const a = await app();
    releaseConfig(a, slowDeploy);
    const first = guardiaChild(a.dir, ['release', 'production', 'v2'], 'deploying');
    cleanups.push(() => first.child.kill('SIGKILL'));
    await first.seen;
    const second = await run(a, 'release', 'production', 'v2');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`releases of production is locked by ${first.child.pid}@\\S+ \\(release production v2\\)`));
    await run(a, 'release', 'cancel', (JSON.parse((await run(a, 'releases', 'production', '--json')).stdout) as { releases: { id: string }[] }).releases[0]?.id ?? '');
    expect(await first.exited).toBe(1);
    expect(await a.serving()).toBe('v1');
  }, CHILD_TIMEOUT_MS);

  it('marks a release whose process was killed mid-step interrupted on the next start', async () => {
    const a = await app();
    releaseConfig(a, slowDeploy);
    const crashed = guardiaChild(a.dir, ['release', 'production', 'v2'], 'deploying');
    await crashed.seen;
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    // Its deploy script (own process group) outlives it; let that end and let the next deploy run.
    writeFileSync(join(a.dir, 'go'), '');
    const next = await run(a, 'release', 'production', 'v1', '--json');
    expect(next.stderr).toContain('was interrupted');
    const { releases } = JSON.parse((await run(a, 'releases', 'production', '--json')).stdout) as { releases: { version: string; status: string; steps: { status: string }[] }[] };
    expect(releases.find((r) => r.version === 'v2')).toMatchObject({ status: 'interrupted', steps: [{ status: 'running' }] });
    expect(existsSync(join(a.dir, 'started'))).toBe(true);
  }, CHILD_TIMEOUT_MS);

  it('rolls back when a watched alert is firing for the environment', async () => {
    const a = await app();
    releaseConfig(a, `      steps: [ ${JSON.stringify(DEPLOY)} ]\n      watch: { for: 1s, every: 200ms, alerts: [ServiceDown] }\n      rollback: [ ${JSON.stringify(ROLLBACK)} ]`);
    expect((await run(a, 'release', 'production', 'v1')).code).toBe(0);
    const store = await openSqliteStore(join(a.dir, '.guardia', 'guardia.db'));
    await new AlertStateRepository(store).save({
      fingerprint: 'f1', rule: 'ServiceDown', env: 'production', state: 'firing', severity: 'critical', labels: { alertname: 'ServiceDown', env: 'production' },
      annotations: {}, value: 1, activeAt: Date.now(), firedAt: Date.now(), resolvedAt: null, updatedAt: Date.now(), keepFiringSince: null,
    });
    await store.close();
    const result = await run(a, 'release', 'production', 'v2');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('alert ServiceDown firing during the watch');
    expect(await a.serving()).toBe('v1');
  });

  it('rolls back by hand with guardia rollback, to the version before or to --to', async () => {
    const a = await app();
    releaseConfig(a, `      steps: [ ${JSON.stringify(DEPLOY)} ]\n      rollback: [ ${JSON.stringify(ROLLBACK)} ]`);
    expect((await run(a, 'release', 'production', 'v1')).code).toBe(0);
    expect((await run(a, 'release', 'production', 'v2')).code).toBe(0);
    const back = await run(a, 'rollback', 'production');
    expect(back.code).toBe(0);
    expect(await a.serving()).toBe('v1');
    const forward = await run(a, 'rollback', 'production', '--to', 'v2');
    expect(forward.code).toBe(0);
    expect(await a.serving()).toBe('v2');
  });
});
