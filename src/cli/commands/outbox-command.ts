import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { OutboxEntry } from '../../notifiers/index.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { ago, emit, table } from '../output.js';
import { withNotifyStore } from './notify-store.js';

/** `guardia outbox list [--dead]`: recent deliveries and dead letters. */
export function registerOutboxCommand(program: CommandUnknownOpts, io: CliIo): void {
  const outbox = program.command('outbox').description('the notification outbox: deliveries, retries and dead letters');
  outbox
    .command('list')
    .description('list recent notifications, newest first')
    .option('--dead', 'only dead letters (gave up after retries, or refused by the receiver)')
    .option('--limit <n>', 'most rows', '50')
    .action(async (opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await withNotifyStore(io, options, async ({ outbox: repository, now }) => {
        const entries = await repository.list({ ...(opts.dead ? { status: 'dead' as const } : {}), limit: Math.max(1, Number(opts.limit) || 50) });
        emit(io, options, { entries }, () => (entries.length === 0 ? ['no notifications'] : outboxTable(entries, now)));
      });
    });
}

function outboxTable(entries: OutboxEntry[], now: number): string[] {
  return table([
    ['ID', 'CHANNEL', 'STATUS', 'ALERTS', 'ATTEMPTS', 'CREATED', 'LAST ERROR'],
    ...entries.map((e) => [
      e.id,
      e.channel,
      e.status,
      `${e.notification.status}: ${[...new Set(e.notification.alerts.map((a) => a.labels.alertname ?? '?'))].join(', ')}`,
      String(e.attempts),
      ago(e.createdAt, now),
      e.lastError ?? '',
    ]),
  ]);
}
