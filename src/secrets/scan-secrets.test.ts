import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir.js';
import { PLANTED_FILES, PLANTED_SECRETS } from '../../test/fixtures/secrets/planted-corpus.js';
import { scanSecrets } from './index.js';

const CLEAN = fileURLToPath(new URL('../../test/fixtures/secrets/clean', import.meta.url));
const j = (...parts: string[]): string => parts.join('');

function plantedDir(): string {
  const dir = tempDir();
  for (const file of PLANTED_FILES) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.lines.join('\n') + '\n');
  }
  return dir;
}

/** The committed clean corpus plus what git cannot hold: .git, node_modules, binaries, symlinks. */
function cleanDir(): string {
  const dir = tempDir();
  cpSync(CLEAN, dir, { recursive: true });
  const leak = j('AWS_ACCESS_KEY_ID=', PLANTED_SECRETS.awsKeyId, '\n');
  for (const path of ['.git/config', 'node_modules/pkg/index.js', 'docs/node_modules/deep/.env']) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), leak);
  }
  writeFileSync(join(dir, 'logo.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), Buffer.from(leak)]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from(leak), Buffer.from([0xe9, 0xff, 0xfe])]));
  symlinkSync(dir, join(dir, 'docs', 'loop'));
  symlinkSync('/etc', join(dir, 'outside'));
  return dir;
}

describe('scanSecrets', () => {
  it('finds every planted credential at its file and line, dotfiles and extensionless files included', async () => {
    const dir = plantedDir();
    const result = await scanSecrets(['.'], { cwd: dir });
    const expected = PLANTED_FILES.flatMap((f) => f.expected.map(([line, rule]) => ({ file: f.path, line, rule })));
    const sorted = expected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    expect(result.findings.map(({ file, line, rule }) => ({ file, line, rule }))).toEqual(sorted);
    expect(result.scanned).toBe(PLANTED_FILES.length);
  });

  it('never puts a whole planted secret in a finding, and shows private keys by their first line only', async () => {
    const result = await scanSecrets(['.'], { cwd: plantedDir() });
    const text = JSON.stringify(result);
    for (const [name, secret] of Object.entries(PLANTED_SECRETS)) expect(text.includes(secret), name).toBe(false);
    const masked = (file: string) => result.findings.filter((f) => f.file === file).map((f) => f.masked);
    expect(masked('keys/id_rsa')).toEqual([j('-----BEGIN RSA ', 'PRIVATE KEY-----')]);
    expect(masked('service-account.json')).toEqual([j('"private_key": "-----BEGIN ', 'PRIVATE KEY-----')]);
    expect(masked('.env')[2]).toBe(`postgres://app:${'*'.repeat(10)}@db.internal:5432`);
  });

  it('reports nothing in the clean corpus and skips .git, node_modules, binaries and symlinks', async () => {
    const result = await scanSecrets(['.'], { cwd: cleanDir() });
    expect(result.findings).toEqual([]);
    expect(result.skipped).toEqual({ binary: 2, tooLarge: 0, symlink: 2, unreadable: 0 });
    expect(result.scanned).toBe(8);
  });

  it('skips files above the size limit and counts them', async () => {
    const dir = plantedDir();
    const result = await scanSecrets(['deploy', 'keys/id_rsa'], { cwd: dir, maxFileBytes: 1 });
    expect(result).toEqual({ findings: [], scanned: 0, skipped: { binary: 0, tooLarge: 2, symlink: 0, unreadable: 0 } });
  });

  it('shows paths relative to the working directory, absolute outside it, and scans a file named twice once', async () => {
    const dir = plantedDir();
    const inside = await scanSecrets(['keys', 'keys/id_rsa'], { cwd: dir });
    expect(inside.findings.map((f) => f.file)).toEqual(['keys/id_rsa', 'keys/release.asc']);
    const outside = await scanSecrets([join(dir, 'keys')], { cwd: join(dir, 'src') });
    expect(outside.findings.map((f) => f.file)).toEqual([join(dir, 'keys/id_rsa'), join(dir, 'keys/release.asc')]);
  });

  it('refuses a path that does not exist', async () => {
    await expect(scanSecrets(['missing'], { cwd: tempDir() })).rejects.toMatchObject({ code: 'usage', message: 'no such file or directory: missing' });
  });
});
