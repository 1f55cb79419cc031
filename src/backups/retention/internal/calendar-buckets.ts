/** The wall-clock calendar periods one instant falls in, in one time zone. */
export interface CalendarBuckets {
  /** `2026-11-22` */
  day: string;
  /** ISO 8601 week, `2026-W47` (weeks start on Monday; week 1 holds the year's first Thursday). */
  week: string;
  /** `2026-11` */
  month: string;
}

/**
 * Returns a function placing instants (epoch ms) in local calendar periods of `timeZone`
 * (an IANA name; undefined: the machine's). The local date comes from `Intl`, so DST
 * changes and odd offsets (+05:45, +13:45) need no special cases.
 */
export function calendarBuckets(timeZone: string | undefined): (epochMs: number) => CalendarBuckets {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', calendar: 'iso8601', numberingSystem: 'latn' });
  return (epochMs) => {
    const parts = Object.fromEntries(format.formatToParts(epochMs).map((part) => [part.type, Number(part.value)]));
    const year = parts.year ?? 0;
    const month = parts.month ?? 1;
    const day = parts.day ?? 1;
    return { day: `${year}-${pad(month)}-${pad(day)}`, week: isoWeek(year, month, day), month: `${year}-${pad(month)}` };
  };
}

/** ISO week of a calendar date: the week (and week-year) of the Thursday of its Monday-based week. */
function isoWeek(year: number, month: number, day: number): string {
  const date = Date.UTC(year, month - 1, day);
  const weekday = new Date(date).getUTCDay() || 7; // Monday 1 … Sunday 7
  const thursday = new Date(date + (4 - weekday) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${weekYear}-W${pad(week)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
