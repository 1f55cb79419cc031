import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { readMigrationFiles } from './migration-file.js';

const NAME = /^[a-z0-9][a-z0-9_]*$/;

/**
 * Creates the next numbered migration file (`NNNN_name.sql`, one above the highest
 * version, at least four digits) and returns its path. The directory is created if needed.
 */
export async function newMigration(dir: string, name: string): Promise<string> {
  const slug = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!NAME.test(slug)) throw new UsageError(`migration name "${name}": expected letters, digits and underscores, like add_users_email`);
  await mkdir(dir, { recursive: true });
  const files = await readMigrationFiles(dir);
  const version = (files.at(-1)?.version ?? 0) + 1;
  const path = join(dir, `${String(version).padStart(4, '0')}_${slug}.sql`);
  await writeFile(path, `-- ${slug}\n`, { flag: 'wx' });
  return path;
}
