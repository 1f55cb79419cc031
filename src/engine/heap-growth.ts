import { setFlagsFromString } from 'node:v8';

/** How far V8 may grow the heap past the live data after a full collection, in %. */
export const DAEMON_HEAP_GROWING_PERCENT = 30;

const FLAG = '--heap-growing-percent';

/**
 * Keeps the daemon's heap near its live data. Left to itself, V8 lets old space grow to two to
 * four times what survives a full collection before it collects again; in guardia that growth
 * is garbage — the sockets, parsers and closures of probe runs that happened to outlive a young
 * generation collection — and it put 10,000 probes past 330 MB of RSS with 70 MB live. At
 * 1.3× the full collections come more often (about one more point of a core with 10,000 probes)
 * and the peak stays near 230 MB. A `--heap-growing-percent` given to node itself wins. Returns the
 * percentage in force, or undefined when node's own flag decides.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): number | undefined {
  if (execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`) || arg.startsWith('--heap_growing_percent'))) return undefined;
  setFlagsFromString(`${FLAG}=${DAEMON_HEAP_GROWING_PERCENT}`);
  return DAEMON_HEAP_GROWING_PERCENT;
}
