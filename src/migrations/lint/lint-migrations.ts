import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { LintFinding } from './lint-finding.js';
import { lintSql } from './lint-sql.js';

/** What `lintMigrations` found: the files it read and every finding. Every finding blocks a production release. */
export interface LintReport {
  files: string[];
  findings: LintFinding[];
}

/**
 * Lints migration files: each path is a `.sql` file or a directory whose `.sql` files are
 * read in name order; findings name files as the paths were given. Relative paths resolve
 * against `options.cwd` (default the process's). A path that does not exist is a UsageError.
 */
export async function lintMigrations(paths: string[], options: { cwd?: string } = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const files: string[] = [];
  for (const path of paths) files.push(...(await sqlFiles(path, cwd)));
  const findings: LintFinding[] = [];
  for (const file of files) findings.push(...(await lintSql(file, await readFile(resolve(cwd, file), 'utf8'))));
  return { files, findings };
}

async function sqlFiles(path: string, cwd: string): Promise<string[]> {
  const info = await stat(resolve(cwd, path)).catch(() => {
    throw new UsageError(`${path}: no such file or directory`);
  });
  if (!info.isDirectory()) return [path];
  return (await readdir(resolve(cwd, path)))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => join(path, name));
}
