import type { ReleaseConfig } from '../config/schema/release/release-config.js';
import type { ReleaseDeps } from './release-deps.js';

/**
 * Watches an environment for `watch.forMs` after its steps: the named alerts firing (from the
 * alert state store) or the named probes down (run once each check). Returns why it must roll
 * back, or undefined when the period ended quietly.
 */
export async function watchRelease(env: string, watch: NonNullable<ReleaseConfig['watch']>, deps: ReleaseDeps, signal: AbortSignal, line: (text: string) => void): Promise<string | undefined> {
  const environment = deps.config.environments.find((e) => e.name === env);
  const end = deps.clock.now() + watch.forMs;
  line(`watching for ${Math.round(watch.forMs / 1000)} s: alerts ${watch.alerts.join(', ') || 'none'}, probes ${watch.probes.join(', ') || 'none'}`);
  for (;;) {
    const firing = (await deps.firingAlerts(env)).filter((name) => watch.alerts.includes(name));
    if (firing.length > 0) return `alert ${firing.join(', ')} firing during the watch`;
    for (const name of watch.probes) {
      const probe = environment?.probes.find((p) => p.name === name);
      if (!probe) return `probe ${name} is not configured`;
      const result = await deps.runProbe(probe, true);
      if (result.status === 'down') return `probe ${name} down during the watch: ${result.reason}`;
    }
    const left = end - deps.clock.now();
    if (left <= 0) return undefined;
    await deps.clock.sleep(Math.min(watch.everyMs, left), signal);
  }
}
