import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Memory of the host, in bytes. */
export interface MemoryInfo {
  totalBytes: number;
  /** The kernel's estimate of memory available to new work without swapping (MemAvailable). */
  availableBytes: number;
}

/** Reads `/proc/meminfo`. Kernels before 3.14 lack MemAvailable: free + buffers + cache stands in. */
export async function readMemoryInfo(procDir: string): Promise<MemoryInfo> {
  const file = join(procDir, 'meminfo');
  const fields = new Map<string, number>();
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    const match = /^(\w+):\s+(\d+)(?:\s+kB)?$/.exec(line.trim());
    if (match) fields.set(match[1] as string, Number(match[2]) * (line.includes('kB') ? 1_024 : 1));
  }
  const total = fields.get('MemTotal');
  if (!total) throw new Error(`unexpected ${file}: no MemTotal`);
  const available = fields.get('MemAvailable') ?? (fields.get('MemFree') ?? 0) + (fields.get('Buffers') ?? 0) + (fields.get('Cached') ?? 0);
  return { totalBytes: total, availableBytes: Math.min(available, total) };
}
