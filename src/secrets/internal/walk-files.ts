import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Directory names never descended into, at any depth. */
export const IGNORED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** A regular file found by the walk, or a symlink it did not follow. */
export type WalkEntry = { kind: 'file'; path: string; size: number } | { kind: 'symlink'; path: string } | { kind: 'unreadable'; path: string };

/**
 * Every regular file under `root` (or `root` itself when it is a file), dotfiles included.
 * Symlinks are reported, never followed, so the walk cannot leave the tree or loop.
 */
export async function* walkFiles(root: string): AsyncGenerator<WalkEntry> {
  const stats = await lstat(root);
  if (stats.isSymbolicLink()) yield { kind: 'symlink', path: root };
  else if (stats.isFile()) yield { kind: 'file', path: root, size: stats.size };
  else if (stats.isDirectory()) yield* walkDirectory(root);
}

async function* walkDirectory(dir: string): AsyncGenerator<WalkEntry> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    yield { kind: 'unreadable', path: dir };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) yield { kind: 'symlink', path };
    else if (entry.isDirectory()) {
      if (!IGNORED_DIRECTORIES.has(entry.name)) yield* walkDirectory(path);
    } else if (entry.isFile()) {
      const size = await lstat(path).then((s) => s.size, () => -1);
      yield size < 0 ? { kind: 'unreadable', path } : { kind: 'file', path, size };
    }
  }
}
