import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Clock } from '../../clock/index.js';

/** How one shell command ended. */
export interface ShellResult {
  exitCode: number | null;
  /** Set when guardia killed it: `timeout` or `cancelled`. */
  killed?: 'timeout' | 'cancelled';
}

export interface ShellOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  clock: Clock;
  signal: AbortSignal;
  /** Each line of stdout and stderr as it arrives. */
  line(text: string): void;
}

/**
 * Runs `command` with `sh -c` in its own process group, streaming its lines. On timeout or
 * abort the whole group gets SIGTERM, then SIGKILL 5 s later, so a deploy script's children
 * (a `sleep`, a `curl`) die with it instead of outliving the step.
 */
export function runShell(command: string, options: ShellOptions): Promise<ShellResult> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let killed: ShellResult['killed'];
    const cancels: (() => void)[] = [];
    const kill = (why: 'timeout' | 'cancelled') => {
      if (killed || child.exitCode !== null) return;
      killed = why;
      signalGroup(child.pid, 'SIGTERM');
      cancels.push(options.clock.setTimer(5_000, () => signalGroup(child.pid, 'SIGKILL')));
    };
    cancels.push(options.clock.setTimer(options.timeoutMs, () => kill('timeout')));
    const onAbort = () => kill('cancelled');
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) onAbort();
    for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', options.line);
    child.on('error', (error) => options.line(`cannot start: ${error.message}`));
    child.on('close', (code) => {
      for (const cancel of cancels) cancel();
      options.signal.removeEventListener('abort', onAbort);
      resolve({ exitCode: code, ...(killed ? { killed } : {}) });
    });
  });
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
