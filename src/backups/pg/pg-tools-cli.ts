import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ClientToolError } from '../../errors.js';
import { maskPasswords, splitPassword } from './internal/connection-secrets.js';
import { parseArchiveList, parseCopyScript } from './internal/copy-plan.js';
import { findPgTool } from './internal/find-pg-tool.js';
import { majorOf, parseToolVersion, serverVersion } from './internal/pg-version.js';
import { PgToolFailedError, runPgTool } from './internal/run-pg-tool.js';
import { dumpedTable, finishedDataItem, restoredTable, type ProgressTable } from './internal/table-progress.js';
import type { DumpOptions, PgToolVersion, PgTools, RestoreRunOptions } from './pg-tools.js';

const execFileAsync = promisify(execFile);

type ToolName = 'pg_dump' | 'pg_dumpall' | 'pg_restore' | 'psql';

export interface PgToolsCliOptions {
  /** Environment for finding (`PG_BINDIR`, `PATH`) and running the tools; `PG*` variables pass through. Default: this process's. */
  env?: NodeJS.ProcessEnv;
}

/**
 * `PgTools` over the installed PostgreSQL client programs, run with argument arrays (no shell).
 * Tools are looked up in `PG_BINDIR` when set, else on `PATH`, else in Debian's
 * `/usr/lib/postgresql/<newest>/bin`. A connection URL's password travels in `PGPASSWORD`,
 * never on the command line or in an error. Restores keep owners and privileges (the roles
 * come from the backup's globals), as a faithful copy of the database needs.
 */
export function createPgTools(options: PgToolsCliOptions = {}): PgTools {
  const env = options.env ?? process.env;
  const versions = new Map<ToolName, Promise<PgToolVersion>>();

  const version = (tool: ToolName): Promise<PgToolVersion> => {
    let known = versions.get(tool);
    if (known === undefined) {
      known = readVersion(tool, env);
      versions.set(tool, known);
      known.catch(() => versions.delete(tool));
    }
    return known;
  };

  /** `tool args --dbname=URL [input]`, the URL's password moved into PGPASSWORD. */
  const run = (tool: ToolName, args: string[], url: string, extra: { input?: string; signal?: AbortSignal; onLine?: (line: string) => void } = {}) => {
    const secret = splitPassword(url);
    const runEnv = secret.password === undefined ? env : { ...env, PGPASSWORD: secret.password };
    const fullArgs = [...args, `--dbname=${secret.url}`, ...(extra.input === undefined ? [] : [extra.input])];
    return runPgTool(tool, findPgTool(tool, env), fullArgs, { env: runEnv, signal: extra.signal, onStderrLine: extra.onLine });
  };

  return {
    version,

    async assertCanDump(serverVersionNum) {
      const client = await version('pg_dump');
      const server = serverVersion(serverVersionNum);
      if (client.major < server.major) {
        throw new ClientToolError(`pg_dump ${client.text} is older than the server (${server.text}): ${installHint(server.major)}`);
      }
    },

    async assertCanRestore(dumpClientVersion) {
      const local = await version('pg_restore');
      const dumpMajor = majorOf(dumpClientVersion);
      if (dumpMajor !== undefined && local.major < dumpMajor) {
        throw new ClientToolError(`pg_restore ${local.text} is older than the pg_dump ${dumpClientVersion} that wrote this backup: ${installHint(dumpMajor)}`);
      }
    },

    dump(dumpOptions: DumpOptions) {
      const { dir, jobs, uncompressed, snapshot, excludeTableData, signal, onTable, onDataFile } = dumpOptions;
      // No fsync: the folder is scratch, read back at once and removed; the repository keeps the backup.
      const args = ['--format=directory', `--jobs=${jobs}`, `--file=${dir}`, '--verbose', '--no-sync'];
      if (uncompressed) args.push('--compress=0');
      if (snapshot !== undefined) args.push(`--snapshot=${snapshot}`);
      for (const pattern of excludeTableData) args.push(`--exclude-table-data=${pattern}`);
      const tables = reportTables(dumpedTable, onTable);
      const onLine = (line: string) => {
        tables?.(line);
        const id = finishedDataItem(line);
        if (id !== undefined) onDataFile?.(`${id}.dat${uncompressed ? '' : '.gz'}`);
      };
      return run('pg_dump', args, dumpOptions.url, { signal, onLine });
    },

    async dumpGlobals({ url, file, signal }) {
      const args = ['--globals-only', `--file=${file}`];
      try {
        await run('pg_dumpall', args, url, { signal });
        return { rolePasswords: true };
      } catch (error) {
        // Managed servers (RDS, Cloud SQL, Azure…) do not let anyone read pg_authid.
        if (!(error instanceof PgToolFailedError) || !/permission denied for (table|relation) pg_authid/.test(error.stderr)) throw error;
        await run('pg_dumpall', [...args, '--no-role-passwords'], url, { signal });
        return { rolePasswords: false };
      }
    },

    restore(restoreOptions: RestoreRunOptions) {
      const { dir, jobs, tables = [], section, listFile, signal, onTable } = restoreOptions;
      const owners = restoreOptions.withoutOwners ? ['--no-owner', '--no-privileges'] : [];
      const parts = [...(section === undefined ? [] : [`--section=${section}`]), ...(listFile === undefined ? [] : [`--use-list=${listFile}`])];
      const args = ['--format=directory', `--jobs=${jobs}`, '--exit-on-error', '--verbose', ...owners, ...parts, ...tableArgs(tables)];
      return run('pg_restore', args, restoreOptions.url, { input: dir, signal, onLine: reportTables(restoredTable, onTable) });
    },

    async listArchive(dir) {
      return parseArchiveList(await output('pg_restore', ['--format=directory', '--list', dir]));
    },

    async copyPlan(dir, ids) {
      if (ids.length === 0) return { setup: [], copies: new Map() };
      // pg_restore prints a COPY statement only for a data file it can open: empty ones do.
      await Promise.all(ids.map((id) => writeFile(join(dir, `${id}.dat`), '')));
      const listFile = join(dir, 'copy.list');
      await writeFile(listFile, ids.map((id) => `${id}; 0 0 TABLE DATA - -\n`).join(''));
      return parseCopyScript(await output('pg_restore', ['--format=directory', '--data-only', '--verbose', `--use-list=${listFile}`, '--file=-', dir]));
    },

    copyInCommand(url, setup, copy) {
      const secret = splitPassword(url);
      const statements = [...setup, ...frozenCopy(copy)];
      const args = ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--single-transaction', ...statements.flatMap((sql) => ['--command', sql]), `--dbname=${secret.url}`];
      return { file: findPgTool('psql', env), args, env: secret.password === undefined ? env : { ...env, PGPASSWORD: secret.password } };
    },
  };

  /** What a tool prints on stdout (no connection involved). */
  async function output(tool: ToolName, args: string[]): Promise<string> {
    try {
      return (await execFileAsync(findPgTool(tool, env), args, { env, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-5).join('\n') ?? '';
      throw new PgToolFailedError(tool, maskPasswords(stderr), `exit ${(error as { code?: unknown }).code ?? '?'}`);
    }
  }
}

async function readVersion(tool: ToolName, env: NodeJS.ProcessEnv): Promise<PgToolVersion> {
  const file = findPgTool(tool, env);
  const output = await execFileAsync(file, ['--version'], { env }).then(
    (result) => result.stdout,
    (error: unknown) => {
      throw new ClientToolError(`${tool} (${file}) does not run: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    },
  );
  const parsed = parseToolVersion(output);
  if (parsed === undefined) throw new ClientToolError(`${tool} (${file}) reports an unknown version: ${output.trim().slice(0, 200)}`);
  return parsed;
}

/** `schema.table` of a COPY statement as pg_restore writes it (each part bare or double-quoted). */
const COPY_TARGET = /^COPY ((?:"(?:[^"]|"")*"|[^\s."(]+)\.(?:"(?:[^"]|"")*"|[^\s."(]+)) .*FROM stdin;$/;

/**
 * `COPY … FROM stdin WITH (FREEZE)` after a `TRUNCATE ONLY` of its table in the same transaction
 * (FREEZE's condition; the table is new and empty anyway); the plain COPY when the statement has
 * an unexpected shape.
 */
function frozenCopy(copy: string): string[] {
  const target = COPY_TARGET.exec(copy)?.[1];
  if (target === undefined) return [copy];
  return [`TRUNCATE ONLY ${target}`, `${copy.slice(0, -1)} WITH (FREEZE);`];
}

function installHint(major: number): string {
  return `install the PostgreSQL ${major} client (e.g. \`apt-get install postgresql-client-${major}\`, or set PG_BINDIR)`;
}

/**
 * `-t` per table; pg_restore matches unqualified names, so `schema.name` also adds `-n schema`
 * (which then limits every `-t` to the schemas named).
 */
function tableArgs(tables: readonly string[]): string[] {
  if (tables.length === 0) return [];
  const schemas = new Set<string>();
  const args: string[] = [];
  for (const table of tables) {
    const dot = table.indexOf('.');
    if (dot > 0) schemas.add(table.slice(0, dot));
    args.push(`--table=${dot > 0 ? table.slice(dot + 1) : table}`);
  }
  // A name that matches nothing is an error, not a restore that silently restores nothing.
  return ['--strict-names', ...[...schemas].map((schema) => `--schema=${schema}`), ...args];
}

function reportTables(parse: (line: string) => ProgressTable | undefined, onTable: ((table: ProgressTable) => void) | undefined) {
  if (onTable === undefined) return undefined;
  return (line: string) => {
    const table = parse(line);
    if (table !== undefined) onTable(table);
  };
}
