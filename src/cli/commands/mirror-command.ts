import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { createMirrorService, type CoverageReport, type MirrorRecord, type MirrorService } from '../../mirror/index.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit, table } from '../output.js';
import { ExitSignal } from '../run-cli.js';
import { took } from './backup-output.js';
import { withBackupService } from './backup-session.js';

/** Opens the mirror service over the config and the store for one command, closing the store after `work`. */
export type OpenMirrorSession = (io: CliIo, options: GlobalOptions, work: (service: MirrorService) => Promise<void>) => Promise<void>;

/** The real session: config, the store in `--data-dir`, the backup service and the mirror service over them. */
export const openMirrorSession: OpenMirrorSession = (io, options, work) =>
  withBackupService(io, options, ({ config, db, clock, backups }) => work(createMirrorService({ config, db, clock, backups })));

/**
 * `guardia mirror <from> <to>` (a masked copy of the newest verified backup of `from` swapped into
 * `to`), `guardia mirror --check <from> <to>` (personal-looking columns without a rule; exit 1
 * when any) and `guardia mirrors <to>` (history, newest first). Progress goes to stderr.
 */
export function registerMirrorCommand(program: CommandUnknownOpts, io: CliIo, open: OpenMirrorSession = openMirrorSession): void {
  const globals = (command: CommandUnknownOpts) => command.optsWithGlobals() as GlobalOptions;
  program
    .command('mirror')
    .description('restore the newest verified backup of <from-env> into <to-env>, masked and seeded (a non-empty target needs --yes)')
    .argument('<from-env>', 'environment mirrored from (it needs backups:)')
    .argument('<to-env>', 'environment mirrored into (it needs mirror:; never production)')
    .option('--check', 'only list personal-looking columns without a mask rule (exit 1 when any)')
    .option('--identity <file>', 'age identity file of an encrypted backup (env BACKUP_AGE_IDENTITY_FILE)')
    .action(async (from, to, opts, command) => {
      const options = globals(command);
      const identity = opts.identity ?? (io.env.BACKUP_AGE_IDENTITY_FILE || undefined);
      const common = {
        ...(identity !== undefined ? { identityFile: isAbsolute(identity) ? identity : resolve(io.cwd, identity) } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
        ...(options.json ? {} : { onProgress: (p: { phase: string; detail: string }) => io.stderr(`mirror ${to}: ${p.phase} ${p.detail}…\n`) }),
      };
      await open(io, options, async (service) => {
        if (opts.check === true) {
          const report = await service.check(from, to, common);
          emit(io, options, report, () => coverageLines(report));
          if (report.uncovered.length > 0) throw new ExitSignal(1);
          return;
        }
        const record = await service.mirror(from, to, { ...common, yes: options.yes === true });
        emit(io, options, record, () => [summaryLine(record)]);
      });
    });
  program
    .command('mirrors')
    .description('list the mirrors into an environment, newest first')
    .argument('<to-env>', 'environment mirrored into')
    .option('--limit <n>', 'at most this many', '20')
    .action(async (to, opts, command) => {
      const options = globals(command);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit expects a positive whole number, got "${opts.limit}"`);
      await open(io, options, async (service) => {
        const mirrors = await service.list(to, { limit });
        emit(io, options, { mirrors }, () => (mirrors.length === 0 ? [`no mirrors into ${to}`] : historyTable(mirrors)));
      });
    });
}

/** `mirrored production (backup 2026…) into staging in 12.3s: 5 columns masked, 1 table truncated, 1 seed file`. */
function summaryLine(r: MirrorRecord): string {
  const columns = r.masked?.columns.length ?? 0;
  const tables = r.masked?.truncated.length ?? 0;
  const parts = [
    `${columns} column${columns === 1 ? '' : 's'} masked`,
    `${tables} table${tables === 1 ? '' : 's'} truncated`,
    `${r.seedFiles.length} seed file${r.seedFiles.length === 1 ? '' : 's'}`,
  ];
  return `mirrored ${r.from} (backup ${r.backupId}) into ${r.to} in ${took(r.durationMs ?? 0)}: ${parts.join(', ')}`;
}

function coverageLines(r: CoverageReport): string[] {
  if (r.uncovered.length === 0) return [`every personal-looking column of ${r.from} (backup ${r.backupId}) has a mask rule in ${r.to}`];
  return [
    `${r.uncovered.length} personal-looking column${r.uncovered.length === 1 ? '' : 's'} of ${r.from} (backup ${r.backupId}) without a mask rule in ${r.to}:`,
    ...table(r.uncovered.map((c) => [`  ${c.schema}.${c.table}.${c.column}`, c.type, c.reason])),
    `add a rule to environments.${r.to}.mirror.mask, or list the column in mirror.allow to keep it`,
  ];
}

function historyTable(mirrors: readonly MirrorRecord[]): string[] {
  return table([
    ['ID', 'FROM', 'BACKUP', 'STATUS', 'TOOK', 'ERROR'],
    ...mirrors.map((m) => [m.id, m.from, m.backupId, m.status, m.durationMs !== undefined ? took(m.durationMs) : '-', m.error ?? '']),
  ]);
}
