import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The roles the verdicts compare; the other contenders are shown for context. */
export type ContenderRole = 'baseline-backup' | 'baseline-restore' | 'guardia-backup' | 'guardia-restore';

/** One command measured side by side with the others. */
export interface Contender {
  /** Stable key in the JSON results, e.g. `pg_dump-gzip`. */
  id: string;
  /** The command as a user types it, for the table. */
  label: string;
  kind: 'backup' | 'restore';
  role?: ContenderRole;
  /** Untimed, before each run: remove the previous output, drop the restore target. */
  prepare(): Promise<void>;
  /** The timed command: a bash script run with `pipefail`, so a failing stage fails the run. */
  script: string;
  /** Extra environment of the timed command. */
  env?: NodeJS.ProcessEnv;
  /** Untimed, after each run: bytes the backup wrote. */
  outputBytes?(): number;
  /** Untimed, after each run: throws when the restored database misses data. */
  check?(): Promise<void>;
}

/** One timed run: wall-clock seconds and what the command printed on stdout (its tail, lines joined by ` | `). */
export interface TimedRun {
  seconds: number;
  printed: string;
}

/** Times one run of `script`; rejects with the end of its stderr when it fails. */
export function timeScript(script: string, env: NodeJS.ProcessEnv = {}): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-o', 'pipefail', '-c', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-4_000)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
    child.once('error', reject);
    child.once('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, printed: stdout.trim().split('\n').join(' | ') });
      else reject(new Error(`exit ${code} from: ${script}\n${stderr.trimEnd()}`));
    });
  });
}

/** Size of a file, or the sum of the files under a directory; 0 when absent. */
export function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/** Quotes a value for bash. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
