/**
 * A moment as `02:10 UTC` (seconds only when non-zero), prefixed with the date
 * (`2026-01-02 02:10 UTC`) when it is not on the same UTC day as `now`.
 */
export function formatUtcTime(ms: number, now: number): string {
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 19);
  const time = seconds === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return sameDay ? `${time} UTC` : `${iso.slice(0, 10)} ${time} UTC`;
}
