import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli-capture.js';
import { DEPLOY, releaseConfig, ROLLBACK, startStandInApp, type StandInApp } from './release-test-kit.js';

interface Listed {
  version: string;
  status: string;
  reason: string | null;
  steps: { name: string; kind: string; phase: string; status: string; output: string[]; error?: string }[];
}

describe('release step wait_healthy (named probes run until healthy N times in a row)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  /** The stand-in app serving v1, released with a deploy, then `wait_healthy` on healthz with `wait` settings. */
  async function setUp(v2: { broken?: boolean; health?: number[] }, wait: string) {
    const app: StandInApp = await startStandInApp({ v1: {}, v2 }, 'v1');
    cleanups.push(() => app.stop());
    releaseConfig(
      app,
      `      steps:
        - { run: ${JSON.stringify(DEPLOY)}, name: deploy }
        - { wait_healthy: { probes: [healthz], ${wait} } }
      rollback: [ { run: ${JSON.stringify(ROLLBACK)}, name: undeploy } ]`,
    );
    const run = (...argv: string[]) => cli(argv, { cwd: app.dir, env: { PATH: process.env.PATH ?? '', GUARDIA_USER: 'ana' } });
    const latest = async () => (JSON.parse((await run('releases', 'production', '--json')).stdout) as { releases: Listed[] }).releases[0];
    return { app, run, latest };
  }

  it('waits through a warming-up app until healthz is up 3 runs in a row; the record says it took 5 runs', async () => {
    const { app, run, latest } = await setUp({ health: [503, 503, 200] }, 'consecutive: 3, every: 100ms, timeout: 30s');
    const result = await run('release', 'production', 'v2');
    expect(result.code, result.stderr).toBe(0);
    expect(await app.serving()).toBe('v2');
    const record = await latest();
    expect(record).toMatchObject({ version: 'v2', status: 'succeeded' });
    expect(record?.steps.map((s) => `${s.phase} ${s.name} ${s.status}`)).toEqual(['steps deploy succeeded', 'steps wait_healthy succeeded']);
    expect(record?.steps[1]?.output).toEqual([
      'healthz: down (0/3) — HTTP 503 (expected 2xx)',
      'healthz: down (0/3) — HTTP 503 (expected 2xx)',
      'healthz: up (1/3)',
      'healthz: up (2/3)',
      'healthz: up (3/3)',
      'healthy after 5 runs (3 in a row)',
    ]);
    expect(result.stdout).toContain('[production wait_healthy] healthy after 5 runs (3 in a row)');
  });

  it('starts the count again when a healthy run is followed by a failing one', async () => {
    const { run, latest } = await setUp({ health: [200, 503, 200] }, 'consecutive: 2, every: 100ms, timeout: 30s');
    expect((await run('release', 'production', 'v2')).code).toBe(0);
    expect((await latest())?.steps[1]?.output).toEqual([
      'healthz: up (1/2)',
      'healthz: down (0/2) — HTTP 503 (expected 2xx)',
      'healthz: up (1/2)',
      'healthz: up (2/2)',
      'healthy after 4 runs (2 in a row)',
    ]);
  });

  it('times out naming the probe and its last reason when the app stays unhealthy, and rolls back to the previous version', async () => {
    const { app, run, latest } = await setUp({ broken: true }, 'consecutive: 2, every: 100ms, timeout: 1s');
    expect((await run('release', 'production', 'v1')).code).toBe(0);
    const result = await run('release', 'production', 'v2', '--json');
    expect(result.code).toBe(1);
    const { release } = JSON.parse(result.stdout) as { release: Listed };
    expect(release.status).toBe('rolled_back');
    expect(release.reason).toMatch(
      /^step wait_healthy failed: not healthy within 1 s after \d+ runs: healthz \(0\/2 in a row; last down: HTTP 500 \(expected 2xx\)\); rolled back to v1 /,
    );
    expect(await app.serving()).toBe('v1');
    const record = await latest();
    expect(record?.steps.map((s) => `${s.phase} ${s.name} ${s.status}`)).toEqual(['steps deploy succeeded', 'steps wait_healthy failed', 'rollback undeploy succeeded']);
    const waited = record?.steps[1];
    expect(waited?.error).toMatch(/^not healthy within 1 s after \d+ runs: healthz \(0\/2 in a row; last down: HTTP 500 \(expected 2xx\)\)$/);
    expect(waited?.output.filter((line) => line === 'healthz: down (0/2) — HTTP 500 (expected 2xx)').length).toBeGreaterThan(1);
  });
});
