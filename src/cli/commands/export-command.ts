import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseCron } from '../../config/index.js';
import { UsageError } from '../../errors.js';
import { githubActionsExport, writeExportFiles, type GithubActionsOptions } from '../../exports/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit } from '../output.js';
import { VERSION } from '../version.js';

interface GithubActionsFlags {
  dir: string;
  stagingBranch: string;
  runner: string;
  guardia: string;
  backupCron?: string;
  force?: boolean;
  dryRun?: boolean;
  stdout?: boolean;
}

export const DEFAULT_WORKFLOW_DIR = '.github/workflows';
export const DEFAULT_RUNNER = 'self-hosted,guardia';
/** How a job runs guardia unless `--guardia` says otherwise: this very version, from npm. */
export const DEFAULT_GUARDIA_COMMAND = `npx --yes guardia@${VERSION}`;

/** `guardia export github-actions`: writes CI workflows that call guardia, from guardia.yaml. */
export function registerExportCommand(program: CommandUnknownOpts, io: CliIo): void {
  const exportCommand = program.command('export').description('write files for other tools from guardia.yaml');
  exportCommand
    .command('github-actions')
    .description('write GitHub Actions workflows: PR checks, staging and production deploys, scheduled backup (run from the repository root)')
    .option('--dir <dir>', 'where to write them', DEFAULT_WORKFLOW_DIR)
    .option('--staging-branch <name>', 'pushes to this branch deploy to staging', 'staging')
    .option('--runner <labels>', 'runs-on labels of the release and backup jobs, comma separated (a host sharing guardia\'s store)', DEFAULT_RUNNER)
    .option('--guardia <command>', 'how a job runs guardia', DEFAULT_GUARDIA_COMMAND)
    .option('--backup-cron <cron>', 'schedule of the backup workflow, 5 fields in UTC (default: backups.schedule converted to UTC)')
    .option('--force', 'overwrite files guardia did not write')
    .option('--dry-run', 'print the workflows instead of writing them')
    .option('--stdout', 'same as --dry-run')
    .action(async (flags: GithubActionsFlags, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      const context = new CliContext(io, options);
      const settings = checkFlags(flags);
      const config = await context.loadConfig();
      const configPath = relative(io.cwd, config.file);
      if (configPath.startsWith('..') || isAbsolute(configPath)) {
        throw new UsageError(`${context.configPath()} is outside ${io.cwd}: run guardia export from the repository root`);
      }
      const input: GithubActionsOptions = {
        ...settings,
        repoRoot: io.cwd,
        configPath,
        configText: await readFile(config.file, 'utf8'),
        packageScripts: await packageScripts(io.cwd),
        lockfile: ['package-lock.json', 'npm-shrinkwrap.json'].some((name) => existsSync(join(io.cwd, name))),
        now: context.clock.now(),
      };
      const plan = githubActionsExport.plan(config, input);
      const dir = resolve(io.cwd, flags.dir);
      if (flags.dryRun || flags.stdout) {
        const files = plan.files.map((f) => ({ path: join(flags.dir, f.name), text: f.text }));
        for (const note of plan.notes) if (!options.json) io.stderr(`guardia: note: ${note}\n`);
        emit(io, options, { files, notes: plan.notes }, () => files.map((f, i) => `${i > 0 ? '---\n' : ''}# ${f.path}\n${f.text}`.trimEnd()));
        return;
      }
      const force = Boolean(flags.force || options.yes);
      const written = await writeExportFiles(plan.files, { dir, shownDir: flags.dir, marker: githubActionsExport.marker, force });
      emit(io, options, { files: written, notes: plan.notes }, () => [
        ...written.map((w) => `${w.action.padEnd(9)} ${w.path}`),
        ...plan.notes.map((n) => `note: ${n}`),
      ]);
    });
}

function checkFlags(flags: GithubActionsFlags): Pick<GithubActionsOptions, 'stagingBranch' | 'runner' | 'guardia' | 'backupCron'> {
  if (!/^[A-Za-z0-9_.][A-Za-z0-9_./-]*$/.test(flags.stagingBranch) || flags.stagingBranch.includes('..')) {
    throw new UsageError(`--staging-branch "${flags.stagingBranch}": expected a branch name like staging or develop`);
  }
  const runner = flags.runner.split(',').map((l) => l.trim());
  if (runner.some((l) => !/^[A-Za-z0-9_.-]+$/.test(l))) {
    throw new UsageError(`--runner "${flags.runner}": expected runner labels separated by commas, e.g. self-hosted,guardia`);
  }
  if (flags.guardia.trim() === '' || flags.guardia.includes('\n')) throw new UsageError('--guardia: expected one command line, e.g. "npx --yes guardia@1.0.0"');
  if (flags.backupCron !== undefined) checkCron(flags.backupCron);
  return {
    stagingBranch: flags.stagingBranch,
    runner,
    guardia: flags.guardia.trim(),
    ...(flags.backupCron !== undefined ? { backupCron: flags.backupCron.trim() } : {}),
  };
}

function checkCron(cron: string): void {
  const expected = `--backup-cron "${cron}": expected 5 cron fields in UTC, e.g. "0 2 * * *"`;
  if (cron.trim().split(/\s+/).length !== 5 || cron.trim().startsWith('@')) throw new UsageError(expected);
  try {
    parseCron(cron);
  } catch {
    throw new UsageError(expected);
  }
}

/** The scripts of ./package.json; undefined when there is none (or it is not a JSON object). */
async function packageScripts(cwd: string): Promise<Set<string> | undefined> {
  let text: string;
  try {
    text = await readFile(join(cwd, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const pkg = JSON.parse(text) as { scripts?: Record<string, unknown> } | null;
    return new Set(Object.keys(pkg?.scripts ?? {}));
  } catch {
    return undefined;
  }
}
