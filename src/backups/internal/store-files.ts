import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ArchiveCodec } from '../archive/archive-codec.js';
import type { ManifestFile } from '../manifest.js';
import type { Repository } from '../repository/repository.js';

export interface StoreFilesOptions {
  /** Folder holding the plain files (`dump/…`, `globals.sql`). */
  plainDir: string;
  /** Folder for the encoded files before upload. */
  storedDir: string;
  /** The plain files to store, as they become ready. */
  files: FileQueue;
  codec: ArchiveCodec;
  repositories: readonly Repository[];
  /** Key prefix of the backup folder, ending in `/`. */
  prefix: string;
  /** Files encoded and uploaded at once (default 2: zstd and age use a core each). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called after each file is encoded (`encoded` raw bytes so far) and after each upload. */
  onProgress?: (done: { encodedRawBytes: number; uploadedBytes: number; filesLeftToEncode: number }) => void;
}

export interface PlainFile {
  /** `/`-separated, relative to the plain folder. */
  path: string;
  /** Bytes when queued (0 for a file still being written). */
  size: number;
  /** For a file still being written: settles when its writer is done with it (see `ArchiveCodec.encodeFile`). */
  complete?: Promise<void>;
}

/** Files ready to be stored, taken in the order they were pushed; `close()` once no more will come. */
export class FileQueue {
  private readonly files: PlainFile[] = [];
  private closed = false;
  private waiting: (() => void)[] = [];

  push(...files: PlainFile[]): void {
    this.files.push(...files);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The next file; undefined once the queue is closed and empty, or when `signal` aborts. */
  async next(signal: AbortSignal): Promise<PlainFile | undefined> {
    while (this.files.length === 0 && !this.closed && !signal.aborted) {
      await new Promise<void>((resolve) => {
        // One listener per wait, removed once woken: a long dump must not pile them up on the signal.
        const wake = () => {
          signal.removeEventListener('abort', wake);
          resolve();
        };
        this.waiting.push(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
    return signal.aborted ? undefined : this.files.shift();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}

/**
 * Encodes each plain file and uploads it to every repository as soon as it is encoded, a few
 * files at a time; local copies are removed as they go so staging never holds the dump twice.
 * The first failure stops the other workers and is thrown. Returns the manifest's file entries.
 */
export async function storeFiles(options: StoreFilesOptions): Promise<ManifestFile[]> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const stored: ManifestFile[] = [];
  let encodedRawBytes = 0;
  let uploadedBytes = 0;
  let leftToEncode = 0;

  async function storeOne(file: PlainFile): Promise<void> {
    const path = `${file.path}${options.codec.suffix}`;
    const plain = join(options.plainDir, file.path);
    const local = join(options.storedDir, path);
    await mkdir(dirname(local), { recursive: true });
    const encoded = await options.codec.encodeFile(plain, local, file.complete ? { signal, complete: file.complete } : { signal });
    await rm(plain, { force: true });
    encodedRawBytes += encoded.rawSize;
    leftToEncode -= 1;
    options.onProgress?.({ encodedRawBytes, uploadedBytes, filesLeftToEncode: leftToEncode });
    for (const repository of options.repositories) {
      signal.throwIfAborted();
      await repository.put(`${options.prefix}${path}`, { file: local }, { signal });
    }
    await rm(local, { force: true });
    uploadedBytes += encoded.size;
    options.onProgress?.({ encodedRawBytes, uploadedBytes, filesLeftToEncode: leftToEncode });
    stored.push({ path, plainPath: file.path, size: encoded.size, rawSize: encoded.rawSize, sha256: encoded.sha256 });
  }

  async function worker(): Promise<void> {
    for (let file = await options.files.next(signal); file; file = await options.files.next(signal)) {
      leftToEncode += 1;
      await storeOne(file);
    }
    signal.throwIfAborted();
  }

  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () =>
    worker().catch((error: unknown) => {
      stop.abort(error);
      throw error;
    }),
  );
  const results = await Promise.allSettled(workers);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  // The first worker to fail aborted the others; report its error, not their AbortErrors.
  if (failed) throw stop.signal.aborted ? stop.signal.reason : failed.reason;
  return stored.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
