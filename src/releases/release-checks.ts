import { Cron } from 'croner';
import type { FreezeWindowConfig, ReleaseConfig } from '../config/schema/release/release-config.js';
import { RefusedError } from '../errors.js';
import type { ReleaseRepository } from './release-repository.js';

/**
 * The checks before a release starts: the version matches `versions`, it succeeded in the
 * `requires` environment, and no freeze window is open now. Throws `RefusedError` (exit 1) with
 * the reason.
 */
export async function checkReleaseAllowed(env: string, version: string, config: ReleaseConfig, repository: ReleaseRepository, now: number): Promise<void> {
  if (!new RegExp(config.versions).test(version)) throw new RefusedError(`version "${version}" does not match the allowed versions of ${env} (/${config.versions}/)`);
  if (config.requires !== undefined && !(await repository.succeeded(config.requires, version))) {
    throw new RefusedError(`version ${version} has not been released to ${config.requires} yet; ${env} requires it there first`);
  }
  const frozen = config.freeze.find((window) => inFreeze(window, now));
  if (frozen) throw new RefusedError(`${env} is frozen now${frozen.reason ? ` (${frozen.reason})` : ''}; release after the freeze window ends`);
}

/** Whether `now` is inside the window: a cron window is open from each cron time for `forMs`. */
export function inFreeze(window: FreezeWindowConfig, now: number): boolean {
  if ('fromMs' in window) return now >= window.fromMs && now < window.toMs;
  // The window is open when a cron time falls in (now - for, now]: the first one after now - for is not later than now.
  const job = new Cron(window.cron, { paused: true });
  try {
    const next = job.nextRun(new Date(now - window.forMs));
    return next !== null && next.getTime() <= now;
  } finally {
    job.stop();
  }
}
