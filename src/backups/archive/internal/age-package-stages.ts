import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type * as AgeModule from 'age-encryption';
import type { Stage } from './process-stage.js';

/**
 * age encryption to `recipients` with the `age-encryption` package, for machines without the
 * age CLI. It streams (64 KiB chunks), so big dump files never sit in memory whole, and writes
 * the same format stock `age -d` reads.
 */
export function ageEncryptStage(recipients: readonly string[]): Stage {
  return async function* encrypt(source) {
    const { Encrypter } = await loadAge();
    const encrypter = new Encrypter();
    for (const recipient of recipients) encrypter.addRecipient(recipient);
    yield* await encrypter.encrypt(toWebStream(source));
  };
}

/** age decryption with the identities in `identityFile` (age-keygen's format), with the package. */
export function ageDecryptStage(identityFile: string): Stage {
  return async function* decrypt(source) {
    const { Decrypter } = await loadAge();
    const decrypter = new Decrypter();
    for (const identity of parseIdentities(await readFile(identityFile, 'utf8'))) decrypter.addIdentity(identity);
    yield* await decrypter.decrypt(toWebStream(source));
  };
}

/** The package, loaded on first use: most runs use the age CLI, and the import is not free. */
export function loadAge(): Promise<typeof AgeModule> {
  return import('age-encryption');
}

/** The `AGE-SECRET-KEY-…` lines of an identity file; `#` lines and blank lines are comments. */
export function parseIdentities(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function toWebStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  return Readable.toWeb(Readable.from(source)) as ReadableStream<Uint8Array>;
}
