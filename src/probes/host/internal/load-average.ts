import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The kernel's load averages over 1, 5 and 15 minutes. */
export interface LoadAverage {
  load1: number;
  load5: number;
  load15: number;
}

/** Reads `/proc/loadavg` (`0.21 1.55 1.79 1/141 527`). */
export async function readLoadAverage(procDir: string): Promise<LoadAverage> {
  const file = join(procDir, 'loadavg');
  const [load1, load5, load15] = (await readFile(file, 'utf8')).trim().split(/\s+/).map(Number);
  if (![load1, load5, load15].every((n) => n !== undefined && Number.isFinite(n))) throw new Error(`unexpected ${file}`);
  return { load1: load1 as number, load5: load5 as number, load15: load15 as number };
}
