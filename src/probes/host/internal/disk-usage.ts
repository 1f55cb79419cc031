import type { HostReaders } from '../host-readers.js';

/** Usage of one mounted filesystem. */
export interface DiskUsage {
  mount: string;
  /** Used share as `df` computes it: used / (used + available to unprivileged users). */
  usedRatio: number;
  /** Bytes an unprivileged process can still write. */
  freeBytes: number;
}

/** Usage of one mounted filesystem from `statfs`. */
export async function readDiskUsage(readers: HostReaders, mount: string): Promise<DiskUsage> {
  const stats = await readers.statfs(mount);
  const used = stats.blocks - stats.bfree;
  const usable = used + stats.bavail;
  return { mount, usedRatio: usable > 0 ? used / usable : 0, freeBytes: stats.bavail * stats.bsize };
}
