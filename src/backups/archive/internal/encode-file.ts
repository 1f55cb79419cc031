import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { BackupFailedError, GuardiaError } from '../../../errors.js';
import type { EncodedFile } from '../archive-codec.js';
import { ByteTally } from './byte-tally.js';
import { chainStages } from './chain-stages.js';
import { StageProcessError, type Stage } from './process-stage.js';

/**
 * Streams `plainFile` through `stages` into `storedFile`, hashing the stored bytes as they are
 * written. On any failure the partial `storedFile` is removed; an abort rethrows the signal's
 * reason, anything else is a `BackupFailedError` naming the file.
 */
export async function encodeFile(
  plainFile: string,
  storedFile: string,
  stages: readonly Stage[],
  options: { signal?: AbortSignal; firstStageReadsFile?: boolean } = {},
): Promise<EncodedFile> {
  const { signal } = options;
  const tally = new ByteTally();
  try {
    const rawSize = (await stat(plainFile)).size;
    // A first stage that reads `plainFile` itself (the zstd CLI) gets no input from here.
    const input = options.firstStageReadsFile ? noBytes() : createReadStream(plainFile);
    const output = chainStages(input, [...stages, tally.stage]);
    await pipeline(output, createWriteStream(storedFile), { signal });
    return { rawSize, size: tally.size, sha256: tally.digest() };
  } catch (error) {
    await rm(storedFile, { force: true });
    if (signal?.aborted) throw signal.reason;
    if (error instanceof GuardiaError && !(error instanceof StageProcessError)) throw error;
    throw new BackupFailedError(`cannot encode ${plainFile}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** An empty input: the first stage reads the file itself. */
async function* noBytes(): AsyncGenerator<Uint8Array> {}
