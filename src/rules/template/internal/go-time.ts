/**
 * Go's `time.Time.String()` for a UTC time: `2020-09-13 12:26:40.5 +0000 UTC`, the
 * fraction without trailing zeros (what `humanizeTimestamp` and `toTime` print).
 */
export function formatGoTime(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const millis = date.getUTCMilliseconds();
  const fraction = millis === 0 ? '' : `.${pad(millis, 3).replace(/0+$/, '')}`;
  return `${day} ${clock}${fraction} +0000 UTC`;
}

/**
 * Seconds since the epoch as Prometheus 2.x turns them into a time: nanoseconds
 * truncated to an integer, then to whole milliseconds (`model.TimeFromUnixNano`).
 */
export function unixSecondsToMs(seconds: number): number {
  const nanos = BigInt(Math.trunc(seconds * 1e9));
  return Number(nanos / 1_000_000n);
}
