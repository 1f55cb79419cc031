import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RepositoryError, UsageError } from '../../errors.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { FileRepository } from './file-repository.js';

function repository(path = tempDir()): FileRepository {
  return new FileRepository({ kind: 'file', path, display: 'file:./backups' });
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

describe('FileRepository', () => {
  it('stores buffers, streams and stream factories under nested keys and reads them back', async () => {
    const root = tempDir();
    const repo = repository(root);
    await repo.put('prod/app/b1/manifest.json', Buffer.from('{"id":"b1"}'));
    await repo.put('prod/app/b1/data/1.dat', Readable.from([Buffer.from('one '), Buffer.from('two')]));
    await repo.put('prod/app/b1/data/2.dat', () => Readable.from([Buffer.from('three')]));
    expect(await text(await repo.get('prod/app/b1/data/1.dat'))).toBe('one two');
    expect(await repo.stat('prod/app/b1/manifest.json')).toEqual({ size: 11 });
    expect(readFileSync(join(root, 'prod/app/b1/data/2.dat'), 'utf8')).toBe('three');
  });

  it('copies a local file in, private (0600) whatever the source\'s mode, replacing what was there', async () => {
    const root = tempDir();
    const repo = repository(root);
    const source = join(tempDir(), 'encoded.zst');
    writeFileSync(source, Buffer.alloc(3 << 20, 9));
    chmodSync(source, 0o644);
    await repo.put('b1/dump/3363.dat.zst', Buffer.from('old'));
    await repo.put('b1/dump/3363.dat.zst', { file: source });
    expect(readFileSync(join(root, 'b1/dump/3363.dat.zst')).equals(readFileSync(source))).toBe(true);
    expect(statSync(join(root, 'b1/dump/3363.dat.zst')).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(root, 'b1/dump'))).toEqual(['3363.dat.zst']);
  });

  it('names the missing local file and leaves no temporary file', async () => {
    const root = tempDir();
    const repo = repository(root);
    await expect(repo.put('b1/data', { file: join(root, 'gone') })).rejects.toThrow(/file:\.\/backups: cannot write .*b1\/data.*ENOENT/);
    expect(readdirSync(join(root, 'b1'))).toEqual([]);
  });

  it('never shows a partial write: a failing stream leaves the old file and no temporary file', async () => {
    const root = tempDir();
    const repo = repository(root);
    await repo.put('b1/data', Buffer.from('old'));
    const failing = new Readable({
      read() {
        this.push(Buffer.from('half of the new'));
        this.destroy(new Error('dump crashed'));
      },
    });
    const error = await repo.put('b1/data', failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepositoryError);
    expect((error as Error).message).toMatch(/^file:\.\/backups: cannot write .*b1\/data \(error\): dump crashed$/);
    expect(readFileSync(join(root, 'b1/data'), 'utf8')).toBe('old');
    expect(readdirSync(join(root, 'b1'))).toEqual(['data']);
  });

  it('stops writing when aborted, leaving nothing behind', async () => {
    const root = tempDir();
    const controller = new AbortController();
    const endless = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        controller.abort(new Error('backup cancelled'));
      },
    });
    await expect(repository(root).put('b1/data', endless, { signal: controller.signal })).rejects.toThrow('backup cancelled');
    expect(readdirSync(join(root, 'b1'))).toEqual([]);
  });

  it('lists keys under a prefix, sorted, without temporary files', async () => {
    const root = tempDir();
    const repo = repository(root);
    for (const key of ['p/b2/x', 'p/b1/y', 'p/b1/x', 'q/z', 'p/b10/x', 'pp/a']) await repo.put(key, Buffer.from(key));
    writeFileSync(join(root, 'p/b1/.guardia-tmp-0123456789ab'), 'interrupted');
    expect(await repo.list('p/')).toEqual(['p/b1/x', 'p/b1/y', 'p/b10/x', 'p/b2/x']);
    expect(await repo.list('p/b1')).toEqual(['p/b1/x', 'p/b1/y', 'p/b10/x']);
    expect(await repo.list('p')).toEqual(['p/b1/x', 'p/b1/y', 'p/b10/x', 'p/b2/x', 'pp/a']);
    expect(await repo.list('')).toHaveLength(6);
    expect(await repo.list('absent/')).toEqual([]);
    expect(await repository(join(root, 'missing-root')).list('')).toEqual([]);
  });

  it('deletes a prefix with its temporary files and emptied directories, and nothing else', async () => {
    const root = tempDir();
    const repo = repository(root);
    for (const key of ['prod/app/b1/manifest.json', 'prod/app/b1/data/1.dat', 'prod/app/b2/manifest.json']) await repo.put(key, Buffer.from(key));
    writeFileSync(join(root, 'prod/app/b1/data/.guardia-tmp-0123456789ab'), 'interrupted');
    await repo.deletePrefix('prod/app/b1/');
    expect(await repo.list('')).toEqual(['prod/app/b2/manifest.json']);
    expect(existsSync(join(root, 'prod/app/b1'))).toBe(false);
    await repo.deletePrefix('prod/');
    expect(readdirSync(root)).toEqual([]);
    await repo.deletePrefix('absent/');
  });

  it('reports an absent key as not found, and stat as undefined', async () => {
    const repo = repository();
    await repo.put('a/file', Buffer.from('x'));
    await expect(repo.get('a/missing')).rejects.toMatchObject({ notFound: true, message: 'file:./backups: a/missing does not exist' });
    await expect(repo.get('a')).rejects.toMatchObject({ notFound: true });
    expect(await repo.stat('a/file/below')).toBeUndefined();
    expect(await repo.stat('a')).toBeUndefined();
  });

  it.each(['../etc/passwd', '/abs', 'a/../b', 'a//b', 'a\\b', 'a/./b', '', 'a/.guardia-tmp-1'])('refuses the key %j', async (key) => {
    const repo = repository();
    await expect(repo.put(key, Buffer.from('x'))).rejects.toThrow(UsageError);
    await expect(repo.get(key)).rejects.toThrow(/^invalid repository key/);
  });

  it('refuses a prefix that climbs out, but takes an empty one', async () => {
    const repo = repository();
    await expect(repo.list('../')).rejects.toThrow('invalid repository prefix "../": it must not contain ".." segments');
    await expect(repo.deletePrefix('/')).rejects.toThrow(UsageError);
    expect(await repo.list('')).toEqual([]);
  });

  it('names the path when a directory cannot be written', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'locked'));
    const unlock = lockDirectory(join(root, 'locked'));
    try {
      const error = await repository(root).put('locked/b1/data', Buffer.from('x')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RepositoryError);
      expect((error as Error).message).toMatch(
        new RegExp(`^file:\\./backups: cannot write ${join(root, 'locked/b1/data')} \\((EACCES|EPERM)\\): .*let the user running guardia read and write it$`),
      );
    } finally {
      unlock();
    }
  });

  it('names the path when a file stands where a directory should be', async () => {
    const root = tempDir();
    const repo = repository(root);
    await repo.put('b1', Buffer.from('a file'));
    await expect(repo.put('b1/data', Buffer.from('x'))).rejects.toThrow(
      `file:./backups: cannot write ${join(root, 'b1/data')} (EEXIST): a file stands where a directory is expected`,
    );
  });
});

/**
 * Makes a directory unwritable, even for root (who ignores modes): immutable with `chattr +i`
 * as root, mode 0500 otherwise. Returns the undo.
 */
function lockDirectory(dir: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', dir]);
    return () => execFileSync('chattr', ['-i', dir]);
  }
  chmodSync(dir, 0o500);
  return () => chmodSync(dir, 0o700);
}
