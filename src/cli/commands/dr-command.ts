import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit, table } from '../output.js';
import { ExitSignal } from '../run-cli.js';
import { drillLines, progressLines, took } from './backup-output.js';
import type { OpenBackupSession } from './backup-session.js';

/**
 * `guardia dr drill|drills`: a disaster-recovery drill as if the primary were gone (the
 * newest backup from the repository into a fresh database, oracles and smoke probes, a
 * report), and the history of drills. A failed drill exits 1.
 */
export function registerDrCommand(program: CommandUnknownOpts, io: CliIo, open: OpenBackupSession): void {
  const dr = program.command('dr').description('disaster recovery: drills that prove a restore meets the RTO and RPO objectives');
  dr.command('drill')
    .description('restore the newest backup into a fresh database, run the checks and write a report (exit 1 when it fails)')
    .argument('<env>', 'environment name')
    .action(async (env, _opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await open(io, options, async ({ service }) => {
        const report = await service.drill(env, { onProgress: progressLines(io), ...(io.signal ? { signal: io.signal } : {}) });
        emit(io, options, report, () => drillLines(report));
        if (!report.passed) throw new ExitSignal(1);
      });
    });
  dr.command('drills')
    .description('past drills, newest first')
    .argument('<env>', 'environment name')
    .option('--limit <n>', 'at most this many', '20')
    .action(async (env, opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await open(io, options, async ({ service }) => {
        const drills = await service.drills(env, { limit: Math.max(1, Number(opts.limit) || 20) });
        emit(io, options, { drills }, () =>
          drills.length === 0
            ? ['no drills']
            : table([
                ['ID', 'DATABASE', 'STARTED', 'RESULT', 'RTO', 'RPO', 'BACKUP'],
                ...drills.map((d) => [d.id, d.database, d.startedAt, d.passed ? 'passed' : 'failed', took(d.rtoMs), took(d.rpoMs), d.backupId]),
              ]),
        );
      });
    });
}
