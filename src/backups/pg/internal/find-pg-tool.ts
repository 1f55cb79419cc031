import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ClientToolError } from '../../../errors.js';
import { findExecutable, isExecutableFile } from '../../archive/find-executable.js';

/** Where Debian and Ubuntu install each major's programs, off PATH. */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/**
 * The path of a PostgreSQL client program: in `PG_BINDIR` when set (and nowhere else), else
 * the first on `PATH`, else the newest `/usr/lib/postgresql/<major>/bin`. Missing:
 * `ClientToolError` saying how to install it.
 */
export function findPgTool(tool: string, env: NodeJS.ProcessEnv): string {
  const binDir = env.PG_BINDIR;
  if (binDir) {
    const path = join(binDir, tool);
    if (isExecutableFile(path)) return path;
    throw new ClientToolError(`${tool} is not in PG_BINDIR (${binDir}): point PG_BINDIR at a PostgreSQL bin directory, or unset it to use PATH`);
  }
  const found = findExecutable(tool, env) ?? newestDebianTool(tool);
  if (found !== undefined) return found;
  throw new ClientToolError(`${tool} is not installed: install the PostgreSQL client (e.g. \`apt-get install postgresql-client\`), or set PG_BINDIR`);
}

function newestDebianTool(tool: string): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  return readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => join(DEBIAN_ROOT, major, 'bin', tool))
    .find(isExecutableFile);
}
