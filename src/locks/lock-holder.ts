import { hostname } from 'node:os';

/** This process's holder text: `pid@hostname (purpose)`, e.g. `4242@db1 (backup production/app 20261122T020000Z-3f9a)`. */
export function lockHolder(purpose: string): string {
  return `${process.pid}@${hostname()} (${purpose})`;
}

/**
 * False only when `holder` names a process of this host that no longer exists; holders of other
 * hosts or in another form are presumed alive (their lease expiry decides).
 */
export function holderMayBeAlive(holder: string, isAlive: (pid: number) => boolean = processExists): boolean {
  const match = /^(\d+)@(\S+)/.exec(holder);
  if (!match || match[2] !== hostname()) return true;
  return isAlive(Number(match[1]));
}

/** Signal 0 probes a pid: ESRCH means gone, EPERM means alive under another user. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
