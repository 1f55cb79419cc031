import { BackupFailedError, ClientToolError } from '../../errors.js';
import type { ArchiveCodec, ArchiveCodecOptions } from './archive-codec.js';
import { findExecutable } from './find-executable.js';
import { loadAge } from './internal/age-package-stages.js';
import { compressFileStage, compressStage, decompressToFileSink, decompressToProcessSink, decryptStage, encryptStage, type CodecTools } from './internal/codec-tools.js';
import { decodeStream } from './internal/decode-stream.js';
import { encodeFile, type PlainInput } from './internal/encode-file.js';
import type { Stage } from './internal/process-stage.js';

/**
 * An `ArchiveCodec` for this machine: `zstd` compression when the zstd CLI is on `PATH` (else
 * `gzip`, meaning pg_dump compressed and the codec does not), age encryption to
 * `options.recipients` with the age CLI or, without it, the `age-encryption` package. Throws
 * `ClientToolError` when `compression: 'zstd'` is asked for without the CLI and
 * `BackupFailedError` for a recipient that is not an age public key.
 */
export async function createArchiveCodec(options: ArchiveCodecOptions): Promise<ArchiveCodec> {
  const env = options.env ?? process.env;
  const tools: CodecTools = { zstd: findExecutable('zstd', env), age: findExecutable('age', env), env };
  const compression = options.compression ?? (tools.zstd === undefined ? 'gzip' : 'zstd');
  if (compression === 'zstd' && tools.zstd === undefined) {
    throw new ClientToolError('zstd compression needs the zstd CLI: install it (e.g. `apt-get install zstd`)');
  }
  const recipients = [...options.recipients];
  await checkRecipients(recipients);
  const encrypted = recipients.length > 0;
  const zstd = compression === 'zstd';
  return {
    compression,
    recipients,
    suffix: `${zstd ? '.zst' : ''}${encrypted ? '.age' : ''}`,
    encodeFile(plainFile, storedFile, encodeOptions = {}) {
      const { signal, complete } = encodeOptions;
      const stages: Stage[] = [];
      // A complete file is read by zstd itself; a growing one is read here, as it is written.
      if (zstd) stages.push(complete === undefined ? compressFileStage(tools, plainFile) : compressStage(tools));
      if (encrypted) stages.push(encryptStage(tools, recipients));
      const input: PlainInput = complete !== undefined ? { from: 'growing', complete } : zstd ? { from: 'self' } : { from: 'file' };
      return encodeFile(plainFile, storedFile, stages, input, signal);
    },
    async decodeTo(stored, plainFile, expect, decodeOptions = {}) {
      const { identityFile, signal } = decodeOptions;
      const stages: Stage[] = [];
      if (encrypted) stages.push(decryptStage(tools, requireIdentity(identityFile, expect.path)));
      const sink = zstd ? decompressToFileSink(tools, plainFile) : undefined;
      await decodeStream(stored, plainFile, expect, stages, (error) => describeDecodeFailure(error, expect.path, identityFile), signal, sink);
    },
    async decodeToProcess(stored, consumer, expect, decodeOptions = {}) {
      const { identityFile, signal } = decodeOptions;
      if (!zstd) throw new BackupFailedError(`${expect.path}: only zstd archives decode into a program`);
      const stages = encrypted ? [decryptStage(tools, requireIdentity(identityFile, expect.path))] : [];
      const sink = decompressToProcessSink(tools, consumer);
      await decodeStream(stored, undefined, expect, stages, (error) => describeDecodeFailure(error, expect.path, identityFile), signal, sink);
    },
  };
}

function requireIdentity(identityFile: string | undefined, path: string): string {
  if (identityFile === undefined) throw new BackupFailedError(`${path} is encrypted: an age identity is needed to read it (--identity FILE or BACKUP_AGE_IDENTITY_FILE)`);
  return identityFile;
}

/** age's own parser, so a typo fails when the codec is made rather than mid-backup. */
async function checkRecipients(recipients: readonly string[]): Promise<void> {
  if (recipients.length === 0) return;
  const { Encrypter } = await loadAge();
  for (const recipient of recipients) {
    try {
      new Encrypter().addRecipient(recipient);
    } catch (error) {
      throw new BackupFailedError(`"${recipient}" is not an age recipient (a public key starting with age1): ${(error as Error).message}`);
    }
  }
}

function describeDecodeFailure(error: unknown, path: string, identityFile: string | undefined): { message: string; damageIsPossible: boolean } {
  const text = error instanceof Error ? error.message : String(error);
  if (identityFile !== undefined && /no identity matched/i.test(text)) {
    return { message: `${path} cannot be decrypted with identity ${identityFile}: no matching key`, damageIsPossible: false };
  }
  return { message: `${path} cannot be decoded: ${text}`, damageIsPossible: true };
}
