import type { Readable } from 'node:stream';

/**
 * What `put` stores: bytes in memory, a stream (read once, so never retried), a factory of
 * streams that is called again for each attempt, or a local file, read anew for each attempt
 * (a file repository copies it in the kernel).
 */
export type RepositoryBody = Readable | Buffer | (() => Readable) | { file: string };

/**
 * Where backups are stored: a flat key space of files under the repository's root.
 * Keys use `/` and never start with one, e.g. `production/app/20261122T020000Z-3f9a/manifest.json`.
 * Implementations: `file-repository.ts` (a local directory) and `s3-repository.ts` (any
 * S3-compatible store). Transient failures are retried inside; what still fails throws a
 * `RepositoryError` naming the repository (never its credentials).
 */
export interface Repository {
  /** As the user wrote it, for messages: `file:./backups`, `s3://bucket/prefix`. */
  readonly display: string;
  /**
   * Stores `body` under `key`, replacing what was there; a partial write is never visible under
   * `key` (temporary file + rename; S3 multipart upload completed only at the end).
   * Pass a factory rather than a stream when the upload should survive transient failures.
   */
  put(key: string, body: RepositoryBody, options?: { signal?: AbortSignal }): Promise<void>;
  /** Reads a stored file; throws `RepositoryError` with `notFound: true` when absent. */
  get(key: string, options?: { signal?: AbortSignal }): Promise<Readable>;
  /** Size in bytes, or undefined when absent. */
  stat(key: string): Promise<{ size: number } | undefined>;
  /** Every key starting with `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Deletes every key starting with `prefix` (a whole backup); absent keys are not an error. */
  deletePrefix(prefix: string): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}
