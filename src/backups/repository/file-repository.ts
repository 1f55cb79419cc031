import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { addAbortSignal, Readable } from 'node:stream';
import type { FileRepositoryConfig } from '../../config/resolved-backup-config.js';
import { RepositoryError } from '../../errors.js';
import { fsRepositoryError } from './internal/fs-repository-error.js';
import type { Repository, RepositoryBody } from './repository.js';
import { TEMP_FILE_PREFIX, assertValidKey, assertValidPrefix } from './repository-key.js';

/**
 * A repository in a local directory: key `a/b/c` is the file `<path>/a/b/c`. Writes go to a
 * temporary file in the target's directory, are fsynced, then renamed over the target, so a
 * reader sees the old file or the whole new one, never a part. Files are created `0600`:
 * unencrypted dumps hold the database's data.
 */
export class FileRepository implements Repository {
  readonly display: string;
  private readonly root: string;

  constructor(config: FileRepositoryConfig) {
    this.display = config.display;
    this.root = resolve(config.path);
  }

  async put(key: string, body: RepositoryBody, options: { signal?: AbortSignal } = {}): Promise<void> {
    const target = this.pathOf(key);
    const temp = join(dirname(target), `${TEMP_FILE_PREFIX}${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(dirname(target), { recursive: true });
      // copy_file_range (or a reflink) for a local file: its bytes never pass through this process.
      if (isLocalFile(body)) await copyFile(body.file, temp, constants.COPYFILE_EXCL);
      const handle = await open(temp, isLocalFile(body) ? 'r+' : 'wx', 0o600);
      try {
        if (isLocalFile(body)) await handle.chmod(0o600);
        else if (Buffer.isBuffer(body)) await handle.writeFile(body, { signal: options.signal });
        else {
          for await (const chunk of typeof body === 'function' ? body() : body) {
            options.signal?.throwIfAborted();
            await handle.write(chunk as Buffer);
          }
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
      await this.syncDirectory(dirname(target));
    } catch (error) {
      // The write's failure is the one to report; the temporary file may never have existed.
      await rm(temp, { force: true }).catch(() => undefined);
      if (options.signal?.aborted) throw error;
      throw fsRepositoryError(this.display, 'write', target, error);
    }
  }

  async get(key: string, options: { signal?: AbortSignal } = {}): Promise<Readable> {
    const path = this.pathOf(key);
    const handle = await open(path, 'r').catch((error: unknown) => {
      if (!isMissing(error)) throw fsRepositoryError(this.display, 'read', path, error);
    });
    if (handle && (await handle.stat()).isFile()) {
      const stream = handle.createReadStream();
      return options.signal ? addAbortSignal(options.signal, stream) : stream;
    }
    await handle?.close();
    throw new RepositoryError(`${this.display}: ${key} does not exist`, true);
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    const stats = await this.statFile(this.pathOf(key));
    return stats && { size: stats.size };
  }

  async list(prefix: string): Promise<string[]> {
    assertValidPrefix(prefix);
    const keys = await this.walk(prefix);
    return keys.filter((key) => !baseName(key).startsWith(TEMP_FILE_PREFIX)).sort();
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertValidPrefix(prefix);
    // Temporary files left by an interrupted write go too, so the directories can be removed.
    const keys = await this.walk(prefix);
    const directories = new Set<string>();
    for (const key of keys) {
      const path = join(this.root, key);
      await rm(path, { force: true }).catch((error: unknown) => {
        throw fsRepositoryError(this.display, 'delete', path, error);
      });
      for (let dir = dirname(path); dir.startsWith(this.root + sep); dir = dirname(dir)) directories.add(dir);
    }
    // Deepest first, so a parent is tried only after its emptied children are gone.
    for (const dir of [...directories].sort((a, b) => b.length - a.length)) {
      await rmdir(dir).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw fsRepositoryError(this.display, 'delete', dir, error);
      });
    }
  }

  async close(): Promise<void> {}

  private pathOf(key: string): string {
    assertValidKey(key);
    return join(this.root, ...key.split('/'));
  }

  private async statFile(path: string): Promise<{ size: number } | undefined> {
    try {
      const stats = await stat(path);
      return stats.isFile() ? stats : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw fsRepositoryError(this.display, 'read', path, error);
    }
  }

  /** Every file key (temporary files included) starting with `prefix`, from its deepest directory down. */
  private async walk(prefix: string): Promise<string[]> {
    const start = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
    const keys: string[] = [];
    const visit = async (relative: string): Promise<void> => {
      const dir = join(this.root, relative);
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return;
        throw fsRepositoryError(this.display, 'list', dir, error);
      }
      for (const entry of entries) {
        const key = relative + entry.name;
        if (entry.isDirectory()) {
          if (prefix.startsWith(key + '/') || (key + '/').startsWith(prefix)) await visit(key + '/');
        } else if (entry.isFile() && key.startsWith(prefix)) keys.push(key);
      }
    };
    await visit(start);
    return keys;
  }

  /** Makes the rename itself durable: without this a crash can forget the new directory entry. */
  private async syncDirectory(dir: string): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync().catch((error: unknown) => {
        // Some file systems (network mounts) cannot fsync a directory; the rename stands anyway.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EINVAL' && code !== 'ENOTSUP') throw error;
      });
    } finally {
      await handle.close();
    }
  }
}

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** ENOENT, or ENOTDIR when a file stands where a directory of the path would be. */
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isLocalFile(body: RepositoryBody): body is { file: string } {
  return typeof body === 'object' && !Buffer.isBuffer(body) && !(body instanceof Readable);
}
