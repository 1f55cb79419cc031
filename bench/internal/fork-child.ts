import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A child Node process with an IPC channel, and the first message it sends. */
export interface ForkedChild<T> {
  child: ChildProcess;
  /** The child's first IPC message; rejects if it exits first. */
  message: Promise<T>;
  /** Resolves with the exit code once the child has exited. */
  exited: Promise<number | null>;
}

/** Forks `module` (a URL next to the caller's compiled file) with `args` and extra Node flags. */
export function forkChild<T>(module: URL, args: string[], execArgv: string[] = []): ForkedChild<T> {
  const child = fork(fileURLToPath(module), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const message = new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`${module.pathname} exited (${signal ?? code}) before reporting`)));
  });
  return { child, message, exited };
}
