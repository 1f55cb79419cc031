import { spawn, type ChildProcess } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import { StageProcessError, type Sink } from './process-stage.js';

const STDERR_TAIL_BYTES = 2000;

/** A program and its arguments, run without a shell. */
export interface PipeEnd {
  file: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
}

/**
 * A sink that feeds its input to `first` (e.g. `zstd -d -c`) whose stdout is the stdin of
 * `second` (e.g. psql running COPY): an operating-system pipe, so the decoded bytes never pass
 * through this process. Resolves once both exited 0. When `second` fails, its error is the
 * cause (`first` then fails writing to it); a failed input or an abort kills both.
 */
export function pipeToProcessSink(first: PipeEnd, second: PipeEnd): Sink {
  return async (source) => {
    const producer = spawn(first.file, first.args, { env: first.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const consumer = spawn(second.file, second.args, { env: second.env, stdio: [producer.stdout, 'ignore', 'pipe'] });
    // The consumer holds its own copy of the pipe; ours would keep the producer writing after the consumer quit.
    producer.stdout.destroy();
    const producerExit = exitOf(producer);
    const consumerExit = exitOf(consumer);
    try {
      await pipeline(source, producer.stdin).catch((error: unknown) => {
        // A producer that died closes its stdin: its exit, read below, says why.
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
      });
      const [produced, consumed] = await Promise.all([producerExit, consumerExit]);
      if (consumed.failure !== undefined) throw new StageProcessError(nameOf(second.file), consumed.stderr, consumed.failure);
      if (produced.failure !== undefined) throw new StageProcessError(nameOf(first.file), produced.stderr, produced.failure);
    } finally {
      for (const child of [producer, consumer]) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
}

function exitOf(child: ChildProcess): Promise<{ failure?: string; stderr: string }> {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_TAIL_BYTES);
  });
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ failure: `could not start: ${error.message}`, stderr: '' }));
    child.once('close', (code, signal) => {
      const failure = code === 0 ? undefined : code === null ? `killed by ${signal}` : `exit ${code}`;
      resolve({ ...(failure === undefined ? {} : { failure }), stderr: stderr.trim() });
    });
  });
}

function nameOf(file: string): string {
  return file.split('/').pop() ?? file;
}
