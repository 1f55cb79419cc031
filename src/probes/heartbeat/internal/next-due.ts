import { Cron } from 'croner';
import type { HeartbeatProbeSpec } from '../../../config/resolved-config.js';

/**
 * When the next ping is due after `reference`: `reference + period`, or the next cron
 * time after it in the configured timezone. Undefined when the cron never fires again.
 */
export function nextDue(spec: HeartbeatProbeSpec, reference: number): number | undefined {
  if (spec.periodMs !== undefined) return reference + spec.periodMs;
  if (!spec.cron) return undefined;
  // Croner used as a calculator only (no callback): guardia owns its timers.
  const cron = new Cron(spec.cron.expr, spec.cron.timezone ? { timezone: spec.cron.timezone } : {});
  return cron.nextRun(new Date(reference))?.getTime();
}
