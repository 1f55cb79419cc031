import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupFailedError, GuardiaError } from '../../../errors.js';
import { ByteTally } from './byte-tally.js';
import { chainStages } from './chain-stages.js';
import { StageProcessError, type Sink, type Stage } from './process-stage.js';

/** What a stored file must hash to, and how to name it in errors. */
export interface ExpectedFile {
  path: string;
  sha256: string;
  size: number;
}

/**
 * Streams `stored` through `stages` into `plainFile` (or only into `sink` when undefined), hashing the stored bytes as they are read.
 * A checksum or size mismatch wins over a decoding error (a damaged file fails decryption too,
 * and "damaged" is the truth): after a failure the rest of `stored` is read to settle which.
 * `describeFailure` turns a stage's error into the message; on any failure `plainFile` is removed.
 */
export async function decodeStream(
  stored: Readable,
  plainFile: string | undefined,
  expect: ExpectedFile,
  stages: readonly Stage[],
  describeFailure: (error: unknown) => { message: string; damageIsPossible: boolean },
  signal?: AbortSignal,
  /** Writes `plainFile` from the last stage's output (default: a plain file write); required without `plainFile`. */
  sink?: Sink,
): Promise<void> {
  const tally = new ByteTally();
  async function* read(): AsyncGenerator<Uint8Array> {
    // Not destroyed when a later stage gives up, so the rest can still be hashed.
    for await (const chunk of stored.iterator({ destroyOnReturn: false })) {
      tally.add(chunk as Uint8Array);
      yield chunk as Uint8Array;
    }
  }
  try {
    await pipeline(chainStages(read(), stages), sink ?? createWriteStream(plainFile as string), { signal });
  } catch (error) {
    await removeFile(plainFile);
    try {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof GuardiaError && !(error instanceof StageProcessError)) throw error;
      const failure = describeFailure(error);
      if (failure.damageIsPossible) {
        await drainInto(stored, tally, signal);
        if (!matches(tally, expect)) throw mismatch(expect);
      }
      throw new BackupFailedError(failure.message, { cause: error });
    } finally {
      stored.destroy();
    }
  }
  if (!matches(tally, expect)) {
    await removeFile(plainFile);
    throw mismatch(expect);
  }
}

async function removeFile(file: string | undefined): Promise<void> {
  if (file !== undefined) await rm(file, { force: true });
}

async function drainInto(stored: Readable, tally: ByteTally, signal?: AbortSignal): Promise<void> {
  for await (const chunk of stored) {
    if (signal?.aborted) throw signal.reason;
    tally.add(chunk as Uint8Array);
  }
}

function matches(tally: ByteTally, expect: ExpectedFile): boolean {
  return tally.size === expect.size && tally.digest() === expect.sha256;
}

function mismatch(expect: ExpectedFile): BackupFailedError {
  return new BackupFailedError(`${expect.path}: sha256 mismatch (stored file changed or damaged)`);
}
