/** A short human duration: `812 ms`, `5 s`, `1.5 s`, `2 min`, `1 h`, `1 h 30 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trim(ms / 1_000)} s`;
  if (ms < 3_600_000) return `${trim(ms / 60_000)} min`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.round((ms % 3_600_000) / 60_000);
  if (hours >= 48 && minutes === 0 && hours % 24 === 0) return `${hours / 24} d`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** One decimal at most, without a trailing `.0`. */
function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}
