import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { ExitCode, NotFoundError, UsageError } from '../../errors.js';
import {
  applyMigrations,
  formatFinding,
  lintMigrations,
  migrationSettings,
  migrationStatus,
  newMigration,
  type MigrationSettings,
  type MigrationStatus,
} from '../../migrations/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit, table } from '../output.js';
import { ExitSignal } from '../run-cli.js';

/** `guardia migrate status|up|new <env>` (the app database's migrations) and `guardia migrate lint <path>…` (no config needed). */
export function registerMigrateCommand(program: CommandUnknownOpts, io: CliIo): void {
  const migrate = program.command('migrate').description("the app database's numbered SQL migrations");
  migrate
    .command('status')
    .description('list applied, pending and changed migrations')
    .argument('<env>', 'environment name')
    .action(async (env: string, _opts, command) => {
      const { options, settings } = await open(io, command.optsWithGlobals() as GlobalOptions, env);
      const migrations = await migrationStatus(settings.url, settings.dir, settings);
      emit(io, options, { migrations }, () => statusLines(migrations));
    });
  migrate
    .command('up')
    .description('apply pending migrations in order, each in its own transaction unless marked no-transaction')
    .argument('<env>', 'environment name')
    .option('--to <version>', 'stop after this version')
    .action(async (env: string, opts: { to?: string }, command) => {
      const { options, settings } = await open(io, command.optsWithGlobals() as GlobalOptions, env);
      const to = opts.to === undefined ? undefined : parseVersion(opts.to);
      const human = !options.json;
      const { applied } = await applyMigrations(settings.url, settings.dir, {
        ...settings,
        ...(to !== undefined ? { to } : {}),
        onApplied: (m) => human && io.stdout(`applied ${m.file} in ${m.durationMs} ms\n`),
      });
      emit(io, options, { applied }, () => [applied.length === 0 ? 'no pending migrations' : `${applied.length} migration${applied.length === 1 ? '' : 's'} applied`]);
    });
  migrate
    .command('new')
    .description('create the next numbered migration file')
    .argument('<env>', 'environment name')
    .argument('<name>', 'what it does, e.g. add_users_email')
    .action(async (env: string, name: string, _opts, command) => {
      const { options, settings } = await open(io, command.optsWithGlobals() as GlobalOptions, env);
      const file = await newMigration(settings.dir, name);
      emit(io, options, { file }, () => [`created ${file}`]);
    });
  migrate
    .command('lint')
    .description('flag unsafe DDL in migration files (exit 1 when any finding blocks)')
    .argument('<paths...>', 'migration files or directories of them')
    .action(async (paths: string[], _opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      const report = await lintMigrations(paths, { cwd: io.cwd });
      const count = report.findings.length;
      emit(io, options, { ...report, blocking: count > 0 }, () => [
        ...report.findings.map(formatFinding),
        count === 0 ? `${report.files.length} file${report.files.length === 1 ? '' : 's'} checked, no findings` : `${count} blocking finding${count === 1 ? '' : 's'}`,
      ]);
      if (count > 0) throw new ExitSignal(ExitCode.failed);
    });
}

async function open(io: CliIo, options: GlobalOptions, envName: string): Promise<{ options: GlobalOptions; settings: MigrationSettings }> {
  const config = await new CliContext(io, options).loadConfig();
  const env = config.environments.find((e) => e.name === envName);
  if (!env) throw new NotFoundError(`no environment "${envName}" (${config.environments.map((e) => e.name).join(', ')})`);
  return { options, settings: migrationSettings(env, config.dir) };
}

function parseVersion(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--to ${text}: expected a migration version number like 12`);
  return Number(text);
}

function statusLines(migrations: MigrationStatus[]): string[] {
  if (migrations.length === 0) return ['no migrations'];
  return table([
    ['VERSION', 'STATE', 'APPLIED', 'FILE'],
    ...migrations.map((m) => [String(m.version), m.state, m.appliedAt ?? '-', m.file ?? `${m.name} (file missing)`]),
  ]);
}
