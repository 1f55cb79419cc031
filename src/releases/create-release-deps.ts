import { AlertStateRepository } from '../alerts/index.js';
import type { BackupService } from '../backups/index.js';
import type { Clock } from '../clock/index.js';
import type { ProbeConfig, ResolvedConfig } from '../config/index.js';
import { UnavailableError } from '../errors.js';
import { createStoreLocks, holderMayBeAlive, lockHolder } from '../locks/index.js';
import type { Notification } from '../notifiers/index.js';
import { createProbe, type HeartbeatService, type ProbeResult } from '../probes/index.js';
import type { Store } from '../store/index.js';
import { migrateForRelease } from './internal/release-migrations.js';
import type { ReleaseDeps } from './release-deps.js';
import { ReleaseRepository } from './release-repository.js';

/** The parts of an opened guardia that releases use. */
export interface ReleaseWiring {
  config: ResolvedConfig;
  store: Store;
  clock: Clock;
  runner: { runOnce(config: ProbeConfig, signal?: AbortSignal): Promise<ProbeResult> };
  heartbeats: HeartbeatService;
  notifications: { outbox: { enqueue(n: Notification, now: number): Promise<boolean> }; tick(): Promise<void> };
  backups?: { service: BackupService };
  redact: (text: string) => string;
  output(line: string): void;
  baseEnv: NodeJS.ProcessEnv;
  externalUrl: string;
}

/** Builds `ReleaseDeps` over the store, probe runner, alert states, outbox and backup service of one guardia. */
export function createReleaseDeps(w: ReleaseWiring): ReleaseDeps {
  const alerts = new AlertStateRepository(w.store);
  return {
    config: w.config,
    repository: new ReleaseRepository(w.store.db),
    locks: createStoreLocks(w.store.db, { clock: w.clock }),
    clock: w.clock,
    async runProbe(probe, record) {
      if (record) return w.runner.runOnce(probe);
      const built = createProbe(probe, { heartbeats: w.heartbeats });
      try {
        return await built.run({ signal: AbortSignal.timeout(probe.timeoutMs), clock: w.clock, timeoutMs: probe.timeoutMs });
      } finally {
        await built.close?.();
      }
    },
    firingAlerts: async (env) => (await alerts.list({ state: 'firing', env })).map((a) => a.rule),
    async backup(env) {
      if (!w.backups) throw new UnavailableError(`environment ${env} has no backups: section; the backup step needs one`);
      const listings = await w.backups.service.run(env);
      return `backed up ${listings.map((l) => `${l.database} (${l.id})`).join(', ')}`;
    },
    migrate: (env, dir, overrideLint) => migrateForRelease(w.config, w.clock, env, dir, overrideLint),
    async notify(notification) {
      await w.notifications.outbox.enqueue(notification, w.clock.now());
      await w.notifications.tick();
    },
    output: w.output,
    redact: w.redact,
    baseEnv: w.baseEnv,
    externalUrl: w.externalUrl,
    holder: lockHolder,
    holderAlive: (holder) => holderMayBeAlive(holder),
  };
}
