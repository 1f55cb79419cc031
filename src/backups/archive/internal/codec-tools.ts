import { ClientToolError } from '../../../errors.js';
import { ageDecryptStage, ageEncryptStage } from './age-package-stages.js';
import { pipeToProcessSink, type PipeEnd } from './pipe-to-process-sink.js';
import { processSink, processStage, type Sink, type Stage } from './process-stage.js';

/**
 * zstd level for dump files. Measured on 100–135 MB of pgbench-like and jsonb/text table
 * data (2 cores, -T0): level 1 took 0.32–0.47 s, level 3 0.38–0.83 s, and level 1's output was
 * no larger (within 1%); the backup budget is time, so the fast level.
 */
const ZSTD_LEVEL = '-1';

/** The CLIs found for a codec (undefined: not installed) and the environment to run them in. */
export interface CodecTools {
  zstd: string | undefined;
  age: string | undefined;
  env: NodeJS.ProcessEnv;
}

/**
 * zstd reading `plainFile` itself (its input stays empty): the raw bytes, the bulk of a dump,
 * never pass through this process.
 */
export function compressFileStage(tools: CodecTools, plainFile: string): Stage {
  return processStage(requireZstd(tools), ['-q', '-c', '-T0', ZSTD_LEVEL, '--', plainFile], tools.env);
}

/** zstd compressing its input: for a file still being written, which this process reads as it grows. */
export function compressStage(tools: CodecTools): Stage {
  return processStage(requireZstd(tools), ['-q', '-c', '-T0', ZSTD_LEVEL], tools.env);
}

/** The last step of a decode: zstd writes `plainFile` itself, so the raw bytes never pass through this process. */
export function decompressToFileSink(tools: CodecTools, plainFile: string): Sink {
  return processSink(requireZstd(tools), ['-d', '-q', '-f', '-o', plainFile], tools.env);
}

/** The last step of a decode into a program's stdin: `zstd -d -c` piped straight into `consumer`. */
export function decompressToProcessSink(tools: CodecTools, consumer: PipeEnd): Sink {
  return pipeToProcessSink({ file: requireZstd(tools), args: ['-d', '-q', '-c'], env: tools.env }, consumer);
}

/** The age CLI when installed, else the `age-encryption` package: both write the same format. */
export function encryptStage(tools: CodecTools, recipients: readonly string[]): Stage {
  if (tools.age === undefined) return ageEncryptStage(recipients);
  return processStage(tools.age, recipients.flatMap((recipient) => ['-r', recipient]), tools.env);
}

export function decryptStage(tools: CodecTools, identityFile: string): Stage {
  if (tools.age === undefined) return ageDecryptStage(identityFile);
  return processStage(tools.age, ['-d', '-i', identityFile], tools.env);
}

function requireZstd(tools: CodecTools): string {
  if (tools.zstd === undefined) {
    throw new ClientToolError('the zstd CLI is not installed: install it (e.g. `apt-get install zstd`) to write or read zstd-compressed backups');
  }
  return tools.zstd;
}
