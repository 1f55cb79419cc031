import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pgBin } from './pg-cluster.js';
import { tempDir } from './temp-dir.js';

/**
 * A directory to put first on `PATH` in which `pg_dump`, `pg_dumpall` and `pg_restore` report
 * another version (`pg_dump (PostgreSQL) 14.9`) for `--version` and run the real program for
 * anything else. Only one PostgreSQL major is installed here: this is how the version guards
 * are tested against a real tool, without mocking the feature.
 *
 *     const env = { ...process.env, PATH: `${fakePgVersionDir('14.9')}:${process.env.PATH}` };
 */
export function fakePgVersionDir(version: string, tools: readonly string[] = ['pg_dump', 'pg_dumpall', 'pg_restore']): string {
  const dir = tempDir('guardia-fake-pg-');
  for (const tool of tools) {
    const script = join(dir, tool);
    writeFileSync(
      script,
      [
        '#!/bin/sh',
        `if [ "$1" = "--version" ] || [ "$1" = "-V" ]; then echo '${tool} (PostgreSQL) ${version}'; exit 0; fi`,
        `exec '${pgBin(tool)}' "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(script, 0o755);
  }
  return dir;
}
