export { openGuardia, type Guardia, type OpenGuardiaOptions } from './open-guardia.js';
export { runDaemon, type DaemonOptions } from './run-daemon.js';
export { DAEMON_HEAP_GROWING_PERCENT, limitHeapGrowth } from './heap-growth.js';
