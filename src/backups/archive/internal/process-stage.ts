import { spawn } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import { BackupFailedError } from '../../../errors.js';

/** A step of a streaming pipeline: bytes in, bytes out (for `stream.pipeline`). */
export type Stage = (source: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

/** The last step of a streaming pipeline: consumes the bytes, resolves once they are stored. */
export type Sink = (source: AsyncIterable<Uint8Array>) => Promise<void>;

/** Thrown by a process stage that exited non-zero; `stderr` is the tail of what it printed. */
export class StageProcessError extends BackupFailedError {
  constructor(readonly program: string, readonly stderr: string, exit: string) {
    super(`${program} failed (${exit})${stderr ? `: ${stderr}` : ''}`);
  }
}

const STDERR_TAIL_BYTES = 2000;

/**
 * A stage that feeds its input to `file args` on stdin and yields its stdout. It ends only
 * once the process exited: a non-zero exit throws `StageProcessError` with its stderr tail;
 * a stage abandoned early (downstream failed, abort) kills the process.
 */
export function processStage(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Stage {
  return async function* runProcess(source) {
    const child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-STDERR_TAIL_BYTES);
    });
    const exited = new Promise<string | undefined>((resolve) => {
      child.once('error', (error) => resolve(`could not start: ${error.message}`));
      child.once('close', (code, signal) => resolve(code === 0 ? undefined : code === null ? `killed by ${signal}` : `exit ${code}`));
    });
    // An upstream failure ends this process's input early, and it then fails too: the upstream
    // error is the cause. A process that fails by itself closes its stdin (EPIPE): its exit says why.
    const upstream: { failed: boolean; error?: unknown } = { failed: false };
    async function* input(): AsyncGenerator<Uint8Array> {
      try {
        yield* source;
      } catch (error) {
        Object.assign(upstream, { failed: true, error });
        throw error;
      }
    }
    const fed = pipeline(input(), child.stdin).then(() => undefined, (error: unknown) => error);
    let finished = false;
    try {
      for await (const chunk of child.stdout) yield chunk as Uint8Array;
      const failure = await exited;
      finished = true;
      if (upstream.failed) throw upstream.error;
      if (failure !== undefined) throw new StageProcessError(file.split('/').pop() ?? file, stderr.trim(), failure);
      const feedError = await fed;
      if (feedError !== undefined) throw feedError;
    } finally {
      if (!finished && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
}

/**
 * A sink that feeds its input to `file args`, a program that writes its output itself (e.g.
 * `zstd -d -o FILE`); errors as for `processStage`.
 */
export function processSink(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Sink {
  const stage = processStage(file, args, env);
  return async (source) => {
    // Such a program prints nothing on stdout; reading it to the end waits for its exit.
    for await (const chunk of stage(source)) void chunk;
  };
}
