import { Cron } from 'croner';
import type { MaintenanceWindowConfig } from '../../config/index.js';

type Labels = Readonly<Record<string, string>>;

function isOpen(window: MaintenanceWindowConfig, now: number): boolean {
  const schedule = window.schedule;
  if (schedule.kind === 'once') return schedule.startMs <= now && now < schedule.endMs;
  // The window is open when a start fell within the last `duration`: the first start after (now - duration) is not after now.
  const cron = new Cron(schedule.expr, { paused: true, ...(schedule.timezone ? { timezone: schedule.timezone } : {}) });
  try {
    const start = cron.nextRun(new Date(now - schedule.durationMs));
    return start !== null && start.getTime() <= now;
  } finally {
    cron.stop();
  }
}

/** The maintenance window that holds back notifications of an alert at `now`, if any. */
export function openWindowFor(windows: readonly MaintenanceWindowConfig[], labels: Labels, now: number): MaintenanceWindowConfig | undefined {
  return windows.find(
    (window) =>
      (window.env === undefined || labels.env === window.env) &&
      Object.entries(window.match).every(([name, value]) => labels[name] === value) &&
      isOpen(window, now),
  );
}
