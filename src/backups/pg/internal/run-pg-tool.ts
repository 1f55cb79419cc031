import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BackupFailedError } from '../../../errors.js';
import { maskPasswords } from './connection-secrets.js';

export interface RunPgToolOptions {
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Each line the tool writes on stderr (its --verbose progress and its errors). */
  onStderrLine?: (line: string) => void;
}

/** A PostgreSQL client tool that exited non-zero; `stderr` holds its last error lines, passwords masked. */
export class PgToolFailedError extends BackupFailedError {
  constructor(readonly tool: string, readonly stderr: string, exit: string) {
    super(`${tool} failed (${exit})${stderr ? `: ${stderr}` : ''}`);
  }
}

const TAIL_LINES = 5;

/**
 * Runs `file args` to completion (arguments as an array, never through a shell). A non-zero
 * exit is `PgToolFailedError` with the last few error lines; an abort kills the process
 * (SIGTERM: pg_dump and pg_restore then stop their parallel workers) and rejects with the
 * signal's reason.
 */
export function runPgTool(tool: string, file: string, args: readonly string[], options: RunPgToolOptions): Promise<void> {
  const { env, signal, onStderrLine } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const errorLines: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      onStderrLine?.(line);
      if (!isErrorLine(tool, line)) return;
      errorLines.push(maskPasswords(line));
      if (errorLines.length > TAIL_LINES) errorLines.shift();
    });
    const onAbort = () => child.kill('SIGTERM');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new BackupFailedError(`${tool} could not be started (${file}): ${error.message}`, { cause: error }));
    });
    child.once('close', (code, killedBy) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(signal.reason);
      if (code === 0) return resolve();
      reject(new PgToolFailedError(tool, errorLines.join('\n'), code === null ? `killed by ${killedBy}` : `exit ${code}`));
    });
  });
}

/** Progress lines (`pg_dump: dumping contents of table …`) are not errors; anything else is kept. */
function isErrorLine(tool: string, line: string): boolean {
  if (!line.startsWith(`${tool}: `)) return line.trim() !== '';
  return /^\S+: (error|fatal|detail|hint|warning):/i.test(line);
}
