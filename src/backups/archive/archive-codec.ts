import type { Readable } from 'node:stream';

/** What one stored file is made of, as the manifest records it. */
export interface EncodedFile {
  rawSize: number;
  size: number;
  sha256: string;
}

/**
 * Turns the files of a dump into the files stored in a repository and back, in formats stock
 * tools read: zstd (`.zst`) then age (`.age`), so `age -d -i KEY f | zstd -d > plain` restores
 * one file without guardia. Uses the `zstd` and `age` CLIs when present, the `age-encryption`
 * package otherwise; with `compression: 'gzip'` pg_dump compressed the data itself and files are
 * only encrypted (or copied).
 */
export interface ArchiveCodec {
  readonly compression: 'zstd' | 'gzip';
  /** age recipients; empty: stored unencrypted. */
  readonly recipients: readonly string[];
  /** Appended to a plain file's name to name the stored file: `.zst.age`, `.zst`, `.age` or ``. */
  readonly suffix: string;
  /**
   * Compresses and encrypts `plainFile` into `storedFile`; sha256 is of the stored bytes. With
   * `complete`, the file may still be growing: it is read as its writer appends to it, until
   * `complete` resolves (then to its end) or rejects (the encode fails with that reason).
   */
  encodeFile(plainFile: string, storedFile: string, options?: { signal?: AbortSignal; complete?: Promise<void> }): Promise<EncodedFile>;
  /**
   * Reads a stored file, checks its sha256 and size as it streams (throws `BackupFailedError`
   * naming the file on a mismatch, before the output is trusted), decrypts with `identityFile`
   * (a wrong identity: `BackupFailedError` saying so), decompresses into `plainFile`.
   */
  decodeTo(
    stored: Readable,
    plainFile: string,
    expect: { path: string; sha256: string; size: number },
    options?: { identityFile?: string; signal?: AbortSignal },
  ): Promise<void>;
  /**
   * As `decodeTo`, but the plain bytes become the stdin of `consumer` (e.g. psql running
   * `COPY … FROM stdin`) through an operating-system pipe. zstd archives only (`compression:
   * 'zstd'`). The consumer has read everything before the checksum is known: on a mismatch
   * this still throws, and what the consumer did with the bytes is the caller's to undo.
   */
  decodeToProcess(
    stored: Readable,
    consumer: { file: string; args: readonly string[]; env: NodeJS.ProcessEnv },
    expect: { path: string; sha256: string; size: number },
    options?: { identityFile?: string; signal?: AbortSignal },
  ): Promise<void>;
}

export interface ArchiveCodecOptions {
  recipients: readonly string[];
  /** Overrides detection (tests, bench): `zstd` needs the CLI. */
  compression?: 'zstd' | 'gzip';
  /** `PATH` and friends for finding the CLIs (default: this process's). */
  env?: NodeJS.ProcessEnv;
}
