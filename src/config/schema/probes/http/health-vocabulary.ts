import type { HealthVocabulary } from '../../../resolved-config.js';

/** How health endpoints commonly spell up, degraded and down (compared case-insensitively). */
export const DEFAULT_HEALTH_VOCABULARY: Readonly<HealthVocabulary> = Object.freeze({
  up: ['ok', 'healthy', 'up', 'pass', 'connected'],
  degraded: ['warn', 'warning', 'degraded'],
  down: ['error', 'critical', 'fail', 'down', 'unhealthy', 'disconnected'],
});

/**
 * Merges a probe's words over the default: a word the probe lists moves to the probe's
 * category (so `up: [warn]` stops `warn` meaning degraded); other defaults stay.
 */
export function mergeHealthVocabulary(extra: Partial<HealthVocabulary>): HealthVocabulary {
  const claimed = new Set([...(extra.up ?? []), ...(extra.degraded ?? []), ...(extra.down ?? [])].map((w) => w.toLowerCase()));
  const merge = (key: keyof HealthVocabulary): string[] => {
    const own = (extra[key] ?? []).map((w) => w.toLowerCase());
    const kept = DEFAULT_HEALTH_VOCABULARY[key].filter((w) => !claimed.has(w));
    return [...new Set([...kept, ...own])];
  };
  return { up: merge('up'), degraded: merge('degraded'), down: merge('down') };
}
