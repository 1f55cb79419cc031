import { Cron } from 'croner';
import { InvalidValueError } from './invalid-value-error.js';

/** A validated cron schedule. */
export interface CronSchedule {
  expr: string;
  /** IANA time zone; undefined means the host's local time. */
  timezone?: string;
}

// A fixed reference date keeps validation independent of when it runs.
const REFERENCE = new Date(Date.UTC(2026, 0, 1));
// A schedule that fires at least once in 8 years (two leap cycles) is a real schedule.
const HORIZON_MS = 8 * 366 * 86_400_000;

/** Checks an IANA time zone name such as `Europe/Madrid`; throws `InvalidValueError` otherwise. */
export function parseTimezone(text: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: text });
    return text;
  } catch {
    throw new InvalidValueError('an IANA time zone like "Europe/Madrid"', text);
  }
}

/**
 * Validates a cron expression (5 fields, or 6 with seconds first; `@daily` and friends),
 * with an optional IANA time zone. Rejects schedules that never fire (`0 0 31 2 *`).
 */
export function parseCron(expr: string, timezone?: string): CronSchedule {
  const zone = timezone === undefined ? undefined : parseTimezone(timezone);
  let job: Cron;
  try {
    job = new Cron(expr.trim(), { paused: true, timezone: zone });
  } catch (error) {
    throw new InvalidValueError('a cron expression like "0 2 * * *"', expr, cronReason(error));
  }
  try {
    const next = job.nextRun(REFERENCE);
    if (next === null || next.getTime() - REFERENCE.getTime() > HORIZON_MS) {
      throw new InvalidValueError('a cron expression like "0 2 * * *"', expr, 'it never fires');
    }
  } finally {
    job.stop();
  }
  return zone === undefined ? { expr: expr.trim() } : { expr: expr.trim(), timezone: zone };
}

function cronReason(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  // croner prefixes its class name and sometimes repeats the pattern; keep the useful part.
  const text = error.message.replace(/^Cron\w*:\s*/, '');
  if (text.includes('exactly five, six, or seven')) return '5 fields, or 6 with seconds first';
  return text.charAt(0).toLowerCase() + text.slice(1);
}
