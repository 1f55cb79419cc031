import { appendFileSync, createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { BackupFailedError } from '../../errors.js';
import type { ArchiveCodec, EncodedFile } from './archive-codec.js';
import { createArchiveCodec } from './create-archive-codec.js';
import { envWithoutAge, makeAgeKey, writeSampleFile, type AgeKey } from './internal/codec-test-kit.js';

let dir: string;
let alice: AgeKey;
let bob: AgeKey;

beforeAll(() => {
  dir = tempDir('guardia-codec-');
  alice = makeAgeKey(dir, 'alice');
  bob = makeAgeKey(dir, 'bob');
});

async function roundTrip(codec: ArchiveCodec, plain: string, identityFile?: string): Promise<{ encoded: EncodedFile; stored: string; out: string }> {
  const stored = `${plain}${codec.suffix}`;
  const encoded = await codec.encodeFile(plain, stored);
  const out = `${plain}.out`;
  await codec.decodeTo(createReadStream(stored), out, { path: stored, sha256: encoded.sha256, size: encoded.size }, { identityFile });
  return { encoded, stored, out };
}

describe.each([
  { tool: 'age CLI', env: () => process.env },
  { tool: 'age-encryption package', env: envWithoutAge },
])('createArchiveCodec with the $tool', ({ env }) => {
  it('round-trips several MiB of random and text data, compressed and encrypted', async () => {
    const codec = await createArchiveCodec({ recipients: [alice.recipient], env: env() });
    expect(codec.compression).toBe('zstd');
    expect(codec.suffix).toBe('.zst.age');
    const plain = join(dir, `sample-${Math.random()}`);
    const data = writeSampleFile(plain, 6);
    const { encoded, stored, out } = await roundTrip(codec, plain, alice.identityFile);
    expect(readFileSync(out).equals(data)).toBe(true);
    expect(encoded.rawSize).toBe(data.length);
    expect(encoded.size).toBe(statSync(stored).size);
    expect(encoded.size).toBeLessThan(data.length);
    expect(readFileSync(stored).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
  });

  it('encodes a file while its writer still appends to it, and the result decodes to the whole file', async () => {
    const codec = await createArchiveCodec({ recipients: [alice.recipient], env: env() });
    const plain = join(dir, `growing-${Math.random()}`);
    const data = Buffer.concat([writeSampleFile(`${plain}.source`, 2), Buffer.from('the last row\n')]);
    writeFileSync(plain, '');
    const writer = (async () => {
      for (let at = 0; at < data.length; at += 256 * 1024) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        appendFileSync(plain, data.subarray(at, at + 256 * 1024));
      }
    })();
    const stored = `${plain}${codec.suffix}`;
    const encoded = await codec.encodeFile(plain, stored, { complete: writer });
    expect(encoded.rawSize).toBe(data.length);
    expect(encoded.size).toBe(statSync(stored).size);
    const out = `${plain}.out`;
    await codec.decodeTo(createReadStream(stored), out, { path: stored, ...encoded }, { identityFile: alice.identityFile });
    expect(readFileSync(out).equals(data)).toBe(true);
  });

  it('fails a growing file\'s encode with its writer\'s error and removes the partial output', async () => {
    const codec = await createArchiveCodec({ recipients: [alice.recipient], env: env() });
    const plain = join(dir, `broken-${Math.random()}`);
    writeSampleFile(plain, 1);
    const writer = new Promise<void>((_, reject) => setTimeout(() => reject(new Error('pg_dump failed')), 20));
    await expect(codec.encodeFile(plain, `${plain}.zst.age`, { complete: writer })).rejects.toThrow('pg_dump failed');
    expect(() => statSync(`${plain}.zst.age`)).toThrow();
  });

  it('round-trips an empty file', async () => {
    const codec = await createArchiveCodec({ recipients: [alice.recipient], env: env() });
    const plain = join(dir, `empty-${Math.random()}`);
    writeFileSync(plain, '');
    const { encoded, out } = await roundTrip(codec, plain, alice.identityFile);
    expect(encoded.rawSize).toBe(0);
    expect(readFileSync(out).length).toBe(0);
  });

  it('encrypts to several recipients, each of whom can decrypt', async () => {
    const codec = await createArchiveCodec({ recipients: [alice.recipient, bob.recipient], env: env() });
    const plain = join(dir, `multi-${Math.random()}`);
    const data = writeSampleFile(plain, 1);
    const { encoded, stored } = await roundTrip(codec, plain, alice.identityFile);
    const out = join(dir, `multi-bob-${Math.random()}`);
    await codec.decodeTo(createReadStream(stored), out, { path: stored, ...encoded }, { identityFile: bob.identityFile });
    expect(readFileSync(out).equals(data)).toBe(true);
  });

  it('names the identity that does not match', async () => {
    const codec = await createArchiveCodec({ recipients: [alice.recipient], env: env() });
    const plain = join(dir, `wrong-${Math.random()}`);
    writeSampleFile(plain, 1);
    const stored = `${plain}${codec.suffix}`;
    const encoded = await codec.encodeFile(plain, stored);
    const out = `${plain}.out`;
    const decoding = codec.decodeTo(createReadStream(stored), out, { path: 'dump/toc.dat.zst.age', ...encoded }, { identityFile: bob.identityFile });
    await expect(decoding).rejects.toThrow(BackupFailedError);
    await expect(decoding).rejects.toThrow(`dump/toc.dat.zst.age cannot be decrypted with identity ${bob.identityFile}: no matching key`);
    expect(() => statSync(out)).toThrow();
  });

  it('reports a flipped byte in the stored file as a checksum mismatch', async () => {
    const codec = await createArchiveCodec({ recipients: [alice.recipient], env: env() });
    const plain = join(dir, `flip-${Math.random()}`);
    writeSampleFile(plain, 2);
    const stored = `${plain}${codec.suffix}`;
    const encoded = await codec.encodeFile(plain, stored);
    const bytes = readFileSync(stored);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(stored, bytes);
    const decoding = codec.decodeTo(createReadStream(stored), `${plain}.out`, { path: 'dump/3456.dat.zst.age', ...encoded }, { identityFile: alice.identityFile });
    await expect(decoding).rejects.toThrow('dump/3456.dat.zst.age: sha256 mismatch (stored file changed or damaged)');
    expect(() => statSync(`${plain}.out`)).toThrow();
  });
});

describe('createArchiveCodec', () => {
  it('in gzip mode only encrypts, and without recipients stores a copy', async () => {
    const encrypting = await createArchiveCodec({ recipients: [alice.recipient], compression: 'gzip' });
    expect(encrypting.suffix).toBe('.age');
    const plain = join(dir, `gz-${Math.random()}`);
    const data = writeSampleFile(plain, 1);
    const encrypted = await roundTrip(encrypting, plain, alice.identityFile);
    expect(encrypted.encoded.size).toBeGreaterThan(data.length);
    expect(readFileSync(encrypted.out).equals(data)).toBe(true);

    const copying = await createArchiveCodec({ recipients: [], compression: 'gzip' });
    expect(copying.suffix).toBe('');
    const copyPlain = join(dir, `copy-${Math.random()}`);
    writeFileSync(copyPlain, data);
    const stored = join(dir, `copy-stored-${Math.random()}`);
    const encoded = await copying.encodeFile(copyPlain, stored);
    expect(readFileSync(stored).equals(data)).toBe(true);
    expect(encoded).toMatchObject({ rawSize: data.length, size: data.length });
    expect(statSync(stored).mode & 0o777).toBe(0o600);
  });

  it('compresses without encrypting when there are no recipients', async () => {
    const codec = await createArchiveCodec({ recipients: [] });
    expect(codec.suffix).toBe('.zst');
    const plain = join(dir, `zst-${Math.random()}`);
    const data = writeSampleFile(plain, 1);
    const { out } = await roundTrip(codec, plain);
    expect(readFileSync(out).equals(data)).toBe(true);
  });

  it('asks for an identity to read an encrypted file', async () => {
    const codec = await createArchiveCodec({ recipients: [alice.recipient] });
    const decoding = codec.decodeTo(Readable.from([]), join(dir, 'never'), { path: 'globals.sql.zst.age', sha256: '', size: 0 });
    await expect(decoding).rejects.toThrow(/globals\.sql\.zst\.age is encrypted: an age identity is needed .*--identity FILE or BACKUP_AGE_IDENTITY_FILE/);
  });

  it('rejects a recipient that is not an age public key', async () => {
    await expect(createArchiveCodec({ recipients: ['age1notakey'] })).rejects.toThrow(/"age1notakey" is not an age recipient/);
  });

  it('carries the failing tool\'s stderr in the error', async () => {
    const codec = await createArchiveCodec({ recipients: [] });
    const path = 'dump/toc.dat.zst';
    const bytes = Buffer.from('this is not zstd data\n');
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const decoding = codec.decodeTo(Readable.from([bytes]), join(dir, 'bad-out'), { path, sha256, size: bytes.length });
    await expect(decoding).rejects.toThrow(/dump\/toc\.dat\.zst cannot be decoded: zstd failed \(exit 1\): .*zstd: .*unsupported format/i);
  });

  it('stops and removes the partial output when aborted', async () => {
    const codec = await createArchiveCodec({ recipients: [alice.recipient] });
    const plain = join(dir, `abort-${Math.random()}`);
    writeSampleFile(plain, 4);
    const controller = new AbortController();
    controller.abort(new Error('stop now'));
    await expect(codec.encodeFile(plain, `${plain}.zst.age`, { signal: controller.signal })).rejects.toThrow('stop now');
    expect(() => statSync(`${plain}.zst.age`)).toThrow();
  });
});
