import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { BackupFailedError, GuardiaError } from '../../../errors.js';
import type { EncodedFile } from '../archive-codec.js';
import { ByteTally } from './byte-tally.js';
import { chainStages } from './chain-stages.js';
import { StageProcessError, type Stage } from './process-stage.js';
import { tailFile } from './tail-file.js';

/**
 * How the plain bytes reach the first stage: `file`, read here; `self`, the first stage reads
 * the file itself (the zstd CLI); `growing`, read here as its writer appends to it until
 * `complete` resolves.
 */
export type PlainInput = { from: 'file' } | { from: 'self' } | { from: 'growing'; complete: Promise<void> };

/**
 * Streams `plainFile` through `stages` into `storedFile`, hashing the stored bytes as they are
 * written. On any failure the partial `storedFile` is removed; an abort rethrows the signal's
 * reason, anything else is a `BackupFailedError` naming the file.
 */
export async function encodeFile(
  plainFile: string,
  storedFile: string,
  stages: readonly Stage[],
  input: PlainInput,
  signal?: AbortSignal,
): Promise<EncodedFile> {
  const tally = new ByteTally();
  const growing = { size: 0 };
  try {
    const source = input.from === 'self' ? noBytes() : input.from === 'file' ? createReadStream(plainFile) : counted(tailFile(plainFile, input.complete, signal), growing);
    const output = chainStages(source, [...stages, tally.stage]);
    // Private from the start: unencrypted, it holds the database's data.
    await pipeline(output, createWriteStream(storedFile, { mode: 0o600 }), { signal });
    // A complete file's size is its raw size; a growing one's is what was read of it.
    const rawSize = input.from === 'growing' ? growing.size : (await stat(plainFile)).size;
    return { rawSize, size: tally.size, sha256: tally.digest() };
  } catch (error) {
    await rm(storedFile, { force: true });
    if (signal?.aborted) throw signal.reason;
    if (error instanceof GuardiaError && !(error instanceof StageProcessError)) throw error;
    throw new BackupFailedError(`cannot encode ${plainFile}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function* counted(source: AsyncIterable<Uint8Array>, tally: { size: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    tally.size += chunk.length;
    yield chunk;
  }
}

/** An empty input: the first stage reads the file itself. */
async function* noBytes(): AsyncGenerator<Uint8Array> {}
