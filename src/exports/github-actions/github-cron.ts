/** A GitHub `schedule:` cron (5 fields, UTC), or why the config's schedule cannot be one. */
export type GithubCron = { cron: string; notes: string[] } | { error: string };

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const INTEGER = /^\d+$/;

/**
 * Converts a guardia schedule (5 fields, or 6 with seconds first, or `@daily`-style; read in
 * `timezone`, or the host's zone when undefined) to GitHub's form: 5 fields in UTC, no macros.
 * Seconds are dropped (GitHub runs at most every 5 minutes and starts late anyway). A zone
 * offset is applied to fixed minute/hour fields, taking the offset at `now`; a zone with
 * daylight saving time is then an hour off for part of the year, which the notes say.
 */
export function githubCron(expr: string, timezone: string | undefined, now: number): GithubCron {
  const notes: string[] = [];
  let fields = (MACROS[expr.trim().toLowerCase()] ?? expr.trim()).split(/\s+/);
  if (fields.length === 6) {
    if (fields[0] !== '0') notes.push(`seconds field "${fields[0]}" dropped: GitHub schedules have minutes at most`);
    fields = fields.slice(1);
  }
  if (fields.length !== 5) return { error: `"${expr}" is not a 5- or 6-field cron expression` };
  if (timezone === undefined) {
    notes.push('backups.timezone is not set: the schedule is read as UTC on GitHub (guardia up reads it in the host\'s time zone)');
    return { cron: fields.join(' '), notes };
  }
  const offset = offsetMinutes(timezone, now);
  // Half a year later is the other side of daylight saving time, if the zone has it.
  if (offset !== offsetMinutes(timezone, now + 182 * 86_400_000)) {
    notes.push(`${timezone} has daylight saving time: converted with today's offset, so the backup runs an hour off for part of the year`);
  }
  const shifted = shiftFields(fields as [string, string, string, string, string], offset);
  if ('error' in shifted) return { error: `"${expr}" in ${timezone}: ${shifted.error}; give a UTC schedule with --backup-cron` };
  return { cron: shifted.fields.join(' '), notes };
}

function shiftFields(fields: [string, string, string, string, string], offset: number): { fields: string[] } | { error: string } {
  const [minute, hour, dom, month, dow] = fields;
  if (offset === 0) return { fields };
  if (offset % 60 === 0 && hour === '*') return { fields };
  if (!INTEGER.test(minute) || !INTEGER.test(hour)) return { error: 'only a fixed minute and hour can be moved to UTC' };
  const local = Number(hour) * 60 + Number(minute);
  const utc = local - offset;
  const dayShift = Math.floor(utc / 1440);
  const inDay = ((utc % 1440) + 1440) % 1440;
  const out = [String(inDay % 60), String(Math.floor(inDay / 60)), dom, month, dow];
  if (dayShift === 0) return { fields: out };
  if (dom !== '*' || month !== '*') return { error: 'moving it to UTC changes the day of the month' };
  if (dow === '*') return { fields: out };
  const days = dow.split(',');
  if (!days.every((d) => INTEGER.test(d))) return { error: 'moving it to UTC changes a day-of-week range' };
  out[4] = days.map((d) => String((((Number(d) % 7) + dayShift) % 7 + 7) % 7)).join(',');
  return { fields: out };
}

/** Minutes the zone is ahead of UTC at `at`. */
function offsetMinutes(timezone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}
