import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { createArchiveCodec } from './create-archive-codec.js';
import { envWithoutAge, makeAgeKey, writeSampleFile, type AgeKey } from './internal/codec-test-kit.js';

// The promise of the backup format: stock `age -d` and `zstd -d` read what guardia stored,
// with no guardia involved.
let dir: string;
let key: AgeKey;

beforeAll(() => {
  dir = tempDir('guardia-codec-stock-');
  key = makeAgeKey(dir);
});

function stockDecode(stored: string, identityFile: string, out: string): void {
  execFileSync('sh', ['-c', 'age -d -i "$1" "$2" | zstd -d -q -o "$3"', 'sh', identityFile, stored, out]);
}

describe.each([
  { tool: 'age CLI', env: () => process.env },
  { tool: 'age-encryption package', env: envWithoutAge },
])('files encoded with the $tool', ({ env }) => {
  it('decode with `age -d -i KEY | zstd -d`', async () => {
    const codec = await createArchiveCodec({ recipients: [key.recipient], env: env() });
    const plain = join(dir, `toc-${Math.random()}.dat`);
    const data = writeSampleFile(plain, 3);
    const stored = `${plain}${codec.suffix}`;
    await codec.encodeFile(plain, stored);
    const out = join(dir, `restored-${Math.random()}.dat`);
    stockDecode(stored, key.identityFile, out);
    expect(readFileSync(out).equals(data)).toBe(true);
  });
});
