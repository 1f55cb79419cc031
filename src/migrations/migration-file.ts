import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MigrationError } from '../errors.js';

/** The marker, on a file's first line, that makes it run outside a transaction (CREATE INDEX CONCURRENTLY). */
export const NO_TRANSACTION_MARKER = /^\s*--\s*guardia:\s*no-transaction\b/;

const FILE_NAME = /^(\d+)_([A-Za-z0-9_-]+)\.sql$/;

/** One `NNNN_name.sql` file of a migrations directory. */
export interface MigrationFile {
  version: number;
  name: string;
  /** Base name, `0003_add_index.sql`. */
  file: string;
  path: string;
  sql: string;
  /** Hex sha256 of the file's bytes. */
  sha256: string;
  /** False when the first line carries `-- guardia: no-transaction`. */
  transactional: boolean;
}

/** Whether SQL text starts with the no-transaction marker. */
export function isTransactional(sql: string): boolean {
  return !NO_TRANSACTION_MARKER.test(sql.split('\n', 1)[0] ?? '');
}

/**
 * The migrations of a directory in version order. Gaps in numbering are fine; two files
 * with one version, or a `.sql` file not named `NNNN_name.sql`, are a MigrationError.
 */
export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    throw new MigrationError(`cannot read the migrations directory ${dir}: ${(error as Error).message}; create it or set migrations.dir`, { cause: error });
  });
  const files: MigrationFile[] = [];
  for (const file of names.filter((n) => n.endsWith('.sql')).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(`${join(dir, file)}: expected a name like 0001_create_users.sql`);
    const path = join(dir, file);
    const bytes = await readFile(path);
    const sql = bytes.toString('utf8');
    files.push({ version: Number(match[1]), name: match[2] as string, file, path, sql, sha256: createHash('sha256').update(bytes).digest('hex'), transactional: isTransactional(sql) });
  }
  files.sort((a, b) => a.version - b.version);
  files.forEach((f, i) => {
    const previous = files[i - 1];
    if (previous?.version === f.version) throw new MigrationError(`${previous.file} and ${f.file} have the same version ${f.version}; renumber one`);
  });
  return files;
}
