export { openGuardia, type Guardia, type OpenGuardiaOptions } from './open-guardia.js';
export { runDaemon, type DaemonOptions } from './run-daemon.js';
