import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/clock/index.js';
import { loadConfig } from '../../src/config/index.js';
import { type Guardia, limitHeapGrowth, openGuardia, runDaemon } from '../../src/engine/index.js';
import { createLogger } from '../../src/logging/index.js';
import { sqlitePathFromUrl, storePathInDataDir } from '../../src/store/index.js';
import type { Scenario } from '../scenario.js';
import { RunRecorder } from './run-recorder.js';
import { writeBenchConfig } from './write-bench-config.js';

/** guardia running as `guardia up` runs it, with the bench listening to its events. */
export interface RunningEngine {
  guardia: Guardia;
  recorder: RunRecorder;
  storePath: string;
  /** When the daemon reported itself up (scheduler started), epoch ms. */
  startedAt: number;
  configLoadMs: number;
  openMs: number;
  /** Log lines at level error or fatal so far. */
  logErrors(): number;
  /** Stops the daemon the way SIGTERM does: stop scheduling, drain, flush, close. */
  stop(): Promise<void>;
}

/**
 * Writes the scenario's guardia.yaml, limits heap growth, loads it through `loadConfig`, opens the store and
 * runs `runDaemon` — the scheduler, the probe runner, the tsdb flush (5 s) and maintain
 * (60 s) jobs and the HTTP API — logging to a file in `dir` as `guardia up` logs to stderr.
 */
export async function startEngine(scenario: Scenario, dir: string, targetUrl: string): Promise<RunningEngine> {
  const file = writeBenchConfig(dir, scenario, targetUrl);
  // As `guardia up` does, before its config loads (and unless --node-flags sets the flag).
  limitHeapGrowth();
  const loadStart = performance.now();
  const config = await loadConfig(file, { env: {} });
  const configLoadMs = performance.now() - loadStart;
  const storePath = config.store ? sqlitePathFromUrl(config.store, config.dir) : storePathInDataDir(join(config.dir, '.guardia'));
  const logFile = createWriteStream(join(dir, 'guardia.log'));
  let errors = 0;
  const openStart = performance.now();
  const guardia = await openGuardia({ config, storePath, clock: systemClock, onError: () => errors++ });
  const openMs = performance.now() - openStart;
  const recorder = new RunRecorder(guardia.events);
  const log = createLogger({
    write: (line) => {
      // pino writes numeric levels: 50 is error, 60 fatal.
      if (/"level":[56]0/.test(line)) errors++;
      logFile.write(line);
    },
    redact: guardia.redact,
  });
  const stopping = new AbortController();
  let daemon: Promise<void> = Promise.resolve();
  await new Promise<string>((resolve, reject) => {
    daemon = runDaemon(guardia, { listen: { host: '127.0.0.1', port: 0 }, signal: stopping.signal, log, onListening: resolve });
    daemon.catch(reject);
  });
  return {
    guardia,
    recorder,
    storePath,
    startedAt: Date.now(),
    configLoadMs,
    openMs,
    logErrors: () => errors,
    async stop() {
      stopping.abort();
      await daemon;
      await new Promise((resolve) => logFile.end(resolve));
    },
  };
}
