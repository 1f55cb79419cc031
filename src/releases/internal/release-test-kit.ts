import { tmpdir } from 'node:os';
import type { Clock } from '../../clock/index.js';
import type { ResolvedConfig } from '../../config/index.js';
import { DEFAULT_VERSION_PATTERN, type ReleaseConfig } from '../../config/schema/release/release-config.js';
import { createStoreLocks } from '../../locks/index.js';
import type { Store } from '../../store/index.js';
import type { ReleaseDeps } from '../release-deps.js';
import { ReleaseRepository } from '../release-repository.js';

/** `release:` of environment `production` running `true`, with `patch` applied. */
export function testReleaseConfig(patch: Partial<ReleaseConfig> = {}): ReleaseConfig {
  return { versions: DEFAULT_VERSION_PATTERN, freeze: [], steps: [{ kind: 'run', name: 'true', run: 'true', timeoutMs: 60_000 }], rollback: [], ...patch };
}

/** ReleaseDeps on a store and clock for tests: probes up, no alerts, nothing notified or printed. */
export function testReleaseDeps(store: Store, clock: Clock, release: ReleaseConfig): ReleaseDeps {
  const config = { dir: tmpdir(), environments: [{ name: 'production', tier: 'production', probes: [], release }], routing: { routes: [] } } as unknown as ResolvedConfig;
  return {
    config, clock, repository: new ReleaseRepository(store.db), locks: createStoreLocks(store.db, { clock }),
    runProbe: () => Promise.resolve({ status: 'up', reason: '' }), firingAlerts: () => Promise.resolve([]),
    backup: () => Promise.resolve(''), migrate: () => Promise.resolve([]), notify: () => Promise.resolve(),
    output: () => undefined, redact: (t) => t, baseEnv: { PATH: process.env.PATH ?? '' }, externalUrl: 'http://x', holder: (p) => `${process.pid}@test (${p})`, holderAlive: () => true,
  };
}
