import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/clock/index.js';
import { loadConfig } from '../../src/config/index.js';
import { openGuardia } from '../../src/engine/index.js';
import { createReleaseDeps, ReleaseService } from '../../src/releases/index.js';
import { DEPLOY, releaseConfig, ROLLBACK, startStandInApp, type StandInApp } from '../../test/releases/release-test-kit.js';
import { median } from '../internal/percentiles.js';

/** The targets: guardia's own time from a failed health gate to the previous version serving, and per release. */
const TARGETS = { rollbackOverheadSeconds: 30, releaseOverheadSeconds: 2 };

/**
 * `npm run bench:release [-- --repeat N]`: on the stand-in app (versions switched by a symlink,
 * served by a real process), measures (1) from a failed smoke gate to the previous version
 * serving again, minus the rollback command's own time measured alone, and (2) a release of
 * trivial steps end to end minus those steps' own time. Prints medians and PASS/FAIL; exit 1 on FAIL.
 */
async function main(): Promise<number> {
  const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1] || 5);
  const app = await startStandInApp({ v1: {}, v2: { broken: true }, v3: {} }, 'v1');
  try {
    const rollbackOverheads: number[] = [];
    const releaseOverheads: number[] = [];
    for (let round = 0; round < repeat; round++) {
      rollbackOverheads.push(await rollbackOverhead(app, round));
      releaseOverheads.push(await releaseOverhead(app, round));
    }
    const rollback = median(rollbackOverheads);
    const release = median(releaseOverheads);
    const pass = rollback <= TARGETS.rollbackOverheadSeconds && release < TARGETS.releaseOverheadSeconds;
    console.log(`failed health gate → previous version serving, guardia overhead: median ${rollback.toFixed(3)} s over ${repeat} runs (target ≤ ${TARGETS.rollbackOverheadSeconds} s)`);
    console.log(`release with trivial steps, guardia overhead: median ${release.toFixed(3)} s over ${repeat} runs (target < ${TARGETS.releaseOverheadSeconds} s)`);
    console.log(pass ? 'PASS' : 'FAIL');
    console.log(JSON.stringify({ bench: 'release', repeat, medians: { rollbackOverheadSeconds: rollback, releaseOverheadSeconds: release }, pass }));
    return pass ? 0 : 1;
  } finally {
    app.stop();
  }
}

/** Seconds from the failed smoke step's end to v1 served again, minus the rollback command alone. */
async function rollbackOverhead(app: StandInApp, round: number): Promise<number> {
  releaseConfig(app, `      steps:\n        - ${JSON.stringify(DEPLOY)}\n        - { smoke: [ { http: /healthz } ] }\n      rollback: [ ${JSON.stringify(ROLLBACK)} ]`);
  await withService(app, (service) => service.start({ env: 'production', version: 'v1', initiator: 'bench' }));
  let served = 0;
  let gateFailed = 0;
  const watcher = pollServing(app, 'v1', (at) => (served = at));
  await withService(app, async (service) => {
    const record = await service.start({ env: 'production', version: 'v2', initiator: 'bench' });
    gateFailed = record.steps.find((s) => s.kind === 'smoke')?.endedAt ?? 0;
    if (record.status !== 'rolled_back') throw new Error(`round ${round}: expected rolled_back, got ${record.status}`);
  });
  await watcher;
  const command = timeCommand(app, ROLLBACK, { PREVIOUS_VERSION: 'v1' });
  return Math.max(0, (served - gateFailed) / 1000 - command);
}

/** Seconds a release of `true` takes end to end (opening guardia included) minus `true` alone. */
async function releaseOverhead(app: StandInApp, round: number): Promise<number> {
  releaseConfig(app, `      steps: [ "true" ]`);
  const start = performance.now();
  const record = await withService(app, (service) => service.start({ env: 'production', version: `v3.${round}`, initiator: 'bench' }));
  const total = (performance.now() - start) / 1000;
  if (record.status !== 'succeeded') throw new Error(`round ${round}: expected succeeded, got ${record.status}`);
  return Math.max(0, total - timeCommand(app, 'true', {}));
}

async function withService<T>(app: StandInApp, work: (service: ReleaseService) => Promise<T>): Promise<T> {
  const file = join(app.dir, 'guardia.yaml');
  const config = await loadConfig(file, { env: process.env });
  const guardia = await openGuardia({ config, storePath: join(app.dir, '.guardia', 'guardia.db'), clock: systemClock });
  try {
    const deps = createReleaseDeps({ ...guardia, output: () => undefined, baseEnv: process.env, externalUrl: 'http://127.0.0.1:4680' });
    return await work(new ReleaseService(deps));
  } finally {
    await guardia.close();
  }
}

/** Polls the app every 10 ms until it serves `version` after having served another; calls `seen` with the epoch ms. */
async function pollServing(app: StandInApp, version: string, seen: (at: number) => void): Promise<void> {
  let left = false;
  for (;;) {
    const now = await app.serving();
    if (now !== version) left = true;
    else if (left) return seen(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function timeCommand(app: StandInApp, command: string, env: Record<string, string>): number {
  const start = performance.now();
  execFileSync('sh', ['-c', command], { cwd: app.dir, env: { ...process.env, ...env } });
  return (performance.now() - start) / 1000;
}

process.exitCode = await main();
