import { Cron } from 'croner';
import type { MaintenanceWindowConfig } from '../config/index.js';
import type { PublicMaintenance } from './status-page-report.js';

/** How far ahead scheduled maintenance is announced. */
const AHEAD_MS = 7 * 86_400_000;

/**
 * The maintenance windows touching `env` (no `env`, or this one) that are open at `now` or
 * start within 7 days: for a recurring window, its current or next occurrence. Only the
 * window's name and times are public; its label matchers are not.
 */
export function publicMaintenance(windows: readonly MaintenanceWindowConfig[], env: string, now: number): PublicMaintenance[] {
  return windows
    .filter((window) => window.env === undefined || window.env === env)
    .flatMap((window): PublicMaintenance[] => {
      const span = occurrence(window, now);
      if (span === undefined || span.endsAt <= now || span.startsAt > now + AHEAD_MS) return [];
      return [{ name: window.name, ...span, active: span.startsAt <= now }];
    })
    .sort((a, b) => a.startsAt - b.startsAt);
}

function occurrence(window: MaintenanceWindowConfig, now: number): { startsAt: number; endsAt: number } | undefined {
  const schedule = window.schedule;
  if (schedule.kind === 'once') return { startsAt: schedule.startMs, endsAt: schedule.endMs };
  const cron = new Cron(schedule.expr, { paused: true, ...(schedule.timezone ? { timezone: schedule.timezone } : {}) });
  try {
    // The first start after (now - duration) is the open occurrence if it is not after now, else the next one.
    const start = cron.nextRun(new Date(now - schedule.durationMs));
    return start === null ? undefined : { startsAt: start.getTime(), endsAt: start.getTime() + schedule.durationMs };
  } finally {
    cron.stop();
  }
}
