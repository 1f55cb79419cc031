import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { isAbsolute, resolve } from 'node:path';
import type { BackupListing, BackupTarget } from '../../backups/backup-service.js';
import { UsageError } from '../../errors.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit } from '../output.js';
import { ExitSignal } from '../run-cli.js';
import { backupLine, detailLines, listingTable, progressLines, pruneLines, restoreLines, verificationLines } from './backup-output.js';
import type { OpenBackupSession } from './backup-session.js';

interface TargetOptions {
  id?: string;
  latest?: boolean;
  database?: string;
}

/**
 * `guardia backup run|list|show|verify|restore|prune`: the same operations as
 * `/api/v1/backups`, standalone on the store (no daemon needed). Progress goes to stderr,
 * results to stdout; `--json` prints one object. A failed verification exits 1.
 */
export function registerBackupCommand(program: CommandUnknownOpts, io: CliIo, open: OpenBackupSession): void {
  const backup = program.command('backup').description('backups: take, list, show, verify, restore and prune');
  const globals = (command: CommandUnknownOpts) => command.optsWithGlobals() as GlobalOptions;
  const operation = () => ({ onProgress: progressLines(io), ...(io.signal ? { signal: io.signal } : {}) });
  backup
    .command('run')
    .description('back up the environment\'s databases now, to every repository')
    .argument('<env>', 'environment name')
    .option('--database <name>', 'only this database')
    .action(async (env, opts, command) => {
      const options = globals(command);
      await open(io, options, async ({ service }) => {
        const backups = await service.run(env, { ...operation(), ...(opts.database ? { database: opts.database } : {}) });
        emit(io, options, { backups }, () => backups.map(backupLine));
      });
    });
  backup
    .command('list')
    .description('list complete backups, newest first (all environments with backups when none is named)')
    .argument('[env]', 'environment name')
    .option('--database <name>', 'only this database')
    .action(async (env, opts, command) => {
      const options = globals(command);
      await open(io, options, async ({ service, config }) => {
        const envs = env !== undefined ? [env] : config.environments.filter((e) => e.backups !== undefined).map((e) => e.name);
        const backups: BackupListing[] = [];
        for (const name of envs) backups.push(...(await service.list(name, opts.database ? { database: opts.database } : {})));
        emit(io, options, { backups }, () => (backups.length === 0 ? ['no backups'] : listingTable(backups, env === undefined)));
      });
    });
  backup
    .command('show')
    .description('show one backup: manifest, verifications and the restore command')
    .argument('<env>', 'environment name')
    .argument('<id>', 'backup id, from backup list')
    .action(async (env, id, _opts, command) => {
      const options = globals(command);
      await open(io, options, async ({ service }) => {
        const details = await service.show(env, id);
        emit(io, options, details, () => detailLines(details));
      });
    });
  backup
    .command('verify')
    .description('re-check checksums, restore into a scratch database and run the oracles (exit 1 when it fails)')
    .argument('<env>', 'environment name')
    .option('--id <id>', 'the backup to verify')
    .option('--latest', 'the newest backup')
    .option('--database <name>', 'with --latest: of this database')
    .action(async (env, opts, command) => {
      const options = globals(command);
      const target = targetOf(opts);
      await open(io, options, async ({ service }) => {
        const report = await service.verify(env, target, operation());
        emit(io, options, report, () => verificationLines(report));
        if (!report.passed) throw new ExitSignal(1);
      });
    });
  backup
    .command('restore')
    .description('restore a backup into a database (created when missing; a non-empty one needs --yes)')
    .argument('<env>', 'environment name')
    .option('--id <id>', 'the backup to restore')
    .option('--latest', 'the newest backup')
    .option('--database <name>', 'with --latest: of this database')
    .requiredOption('--to <url>', 'target database URL')
    .option('--identity <file>', 'age identity file (env BACKUP_AGE_IDENTITY_FILE)')
    .option('--tables <list>', 'only these tables, comma separated (pg_restore -t)')
    .action(async (env, opts, command) => {
      const options = globals(command);
      const target = targetOf(opts);
      const identity = opts.identity ?? (io.env.BACKUP_AGE_IDENTITY_FILE || undefined);
      const tables = opts.tables?.split(',').map((t) => t.trim()).filter(Boolean);
      await open(io, options, async ({ service }) => {
        const report = await service.restore(env, target, {
          ...operation(),
          to: opts.to,
          yes: options.yes === true,
          ...(identity !== undefined ? { identityFile: isAbsolute(identity) ? identity : resolve(io.cwd, identity) } : {}),
          ...(tables !== undefined && tables.length > 0 ? { tables } : {}),
        });
        emit(io, options, report, () => restoreLines(report));
      });
    });
  backup
    .command('prune')
    .description('apply the retention policy (keep:), never deleting the newest verified backup')
    .argument('<env>', 'environment name')
    .option('--dry-run', 'only show what would be deleted')
    .action(async (env, opts, command) => {
      const options = globals(command);
      await open(io, options, async ({ service }) => {
        const decisions = await service.prune(env, { dryRun: opts.dryRun === true });
        emit(io, options, { dryRun: opts.dryRun === true, decisions }, () => pruneLines(decisions, opts.dryRun === true));
      });
    });
}

function targetOf(opts: TargetOptions): BackupTarget {
  if ((opts.id === undefined) === (opts.latest !== true)) throw new UsageError('say which backup: --id ID or --latest');
  const database = opts.database === undefined ? {} : { database: opts.database };
  return opts.id !== undefined ? { id: opts.id, ...database } : { latest: true, ...database };
}
