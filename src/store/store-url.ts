import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Where the store file lives when nothing else says so. */
export const DEFAULT_STORE_FILE = 'guardia.db';

/**
 * Turns a store URL into a SQLite file path. `sqlite:rel/path` resolves against `baseDir`,
 * `sqlite:///abs/path` and `sqlite:/abs/path` are absolute.
 */
export function sqlitePathFromUrl(url: string, baseDir: string): string {
  if (!url.startsWith('sqlite:')) {
    throw new UsageError(`unsupported store "${url.split(':')[0]}:"; use sqlite:PATH`);
  }
  let rest = url.slice('sqlite:'.length);
  if (rest.startsWith('//')) rest = rest.slice(2);
  if (rest === '') throw new UsageError('store URL "sqlite:" needs a path, e.g. sqlite:.guardia/guardia.db');
  return isAbsolute(rest) ? rest : resolve(baseDir, rest);
}

/** The store file inside a data directory. */
export function storePathInDataDir(dataDir: string): string {
  return join(dataDir, DEFAULT_STORE_FILE);
}
