import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Jiffies the CPUs spent since boot, summed over all of them. */
export interface CpuTimes {
  /** idle + iowait */
  idle: number;
  /** user + nice + system + idle + iowait + irq + softirq + steal (guest time is already in user). */
  total: number;
  /** Logical CPUs (`cpuN` lines). */
  cpus: number;
}

/** Reads the aggregate `cpu` line of `/proc/stat`. */
export async function readCpuTimes(procDir: string): Promise<CpuTimes> {
  const text = await readFile(join(procDir, 'stat'), 'utf8');
  const lines = text.split('\n');
  const fields = lines.find((line) => /^cpu\s/.test(line))?.trim().split(/\s+/).slice(1, 9).map(Number);
  if (!fields || fields.length < 4 || fields.some((n) => !Number.isFinite(n))) {
    throw new Error(`unexpected ${join(procDir, 'stat')}: no "cpu" line`);
  }
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  return {
    idle: idle + iowait,
    total: user + nice + system + idle + iowait + irq + softirq + steal,
    cpus: lines.filter((line) => /^cpu\d+\s/.test(line)).length,
  };
}

/** Share of time the CPUs were busy between two readings (0–1); 0 when no time passed. */
export function cpuUsage(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  if (total <= 0) return 0;
  return Math.min(1, Math.max(0, 1 - (after.idle - before.idle) / total));
}
