import { performance } from 'node:perf_hooks';

/** CPU time used by this process (all threads) at a moment of wall time. */
export interface CpuMark {
  wallMs: number;
  usage: NodeJS.CpuUsage;
}

/** CPU between two marks, in % of one core (100 = one core busy the whole time). */
export interface CpuShare {
  total: number;
  user: number;
  system: number;
}

export function cpuMark(): CpuMark {
  return { wallMs: performance.now(), usage: process.cpuUsage() };
}

export function cpuShare(from: CpuMark, to: CpuMark): CpuShare {
  const wallUs = (to.wallMs - from.wallMs) * 1_000;
  if (wallUs <= 0) return { total: 0, user: 0, system: 0 };
  const user = ((to.usage.user - from.usage.user) / wallUs) * 100;
  const system = ((to.usage.system - from.usage.system) / wallUs) * 100;
  return { total: user + system, user, system };
}
