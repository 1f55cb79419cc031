const UNITS = ['B', 'KiB', 'MiB', 'GiB'];

/** A short human size in binary units: `512 B`, `1 MiB`, `1.5 KiB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1_024 && unit < UNITS.length - 1) {
    value /= 1_024;
    unit++;
  }
  return `${Math.round(value * 10) / 10} ${UNITS[unit]}`;
}
