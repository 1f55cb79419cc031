import { readdir, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** `<data-dir>/backups-staging`: where runs dump before encoding; one folder per backup id. */
export function stagingRoot(dataDir: string): string {
  return join(dataDir, 'backups-staging');
}

/**
 * Every regular file under `dir`, as `/`-separated paths relative to it, sorted; paths `skip`
 * accepts are left out before they are looked at (they may be gone by then).
 */
export async function listFilesUnder(dir: string, skip: (path: string) => boolean = () => false): Promise<{ path: string; size: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: { path: string; size: number }[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    if (!skip(path)) files.push({ path, size: (await stat(full)).size });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Staging folders present now (ids), empty when none. */
export async function stagingIds(dataDir: string): Promise<string[]> {
  const entries = await readdir(stagingRoot(dataDir), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

/** Removes a staging folder; absent is fine. */
export async function removeStaging(dataDir: string, id: string): Promise<void> {
  await rm(join(stagingRoot(dataDir), id), { recursive: true, force: true });
}
