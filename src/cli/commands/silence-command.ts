import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { userInfo } from 'node:os';
import { formatMatchers, parseSilenceRequest, type Silence } from '../../notifiers/index.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit, table } from '../output.js';
import { withNotifyStore } from './notify-store.js';

/** `guardia silence add|list|expire`: mute matching alerts for a while. */
export function registerSilenceCommand(program: CommandUnknownOpts, io: CliIo): void {
  const silence = program.command('silence').description('mute notifications of matching alerts for a while');
  silence
    .command('add')
    .description('add a silence, e.g. guardia silence add env=production alertname=~High.* --for 2h --comment "deploy"')
    .argument('<matchers...>', 'name=value, name!=value, name=~regex or name!~regex; all must hold')
    .option('--for <duration>', 'how long, e.g. 30m or 2h', '1h')
    .option('--comment <text>', 'why', '')
    .action(async (matchers, opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await withNotifyStore(io, options, async ({ silences, now }) => {
        const author = options.as ?? (io.env.GUARDIA_USER || userInfo().username);
        const created = await silences.add(parseSilenceRequest({ matchers, duration: opts.for, author, comment: opts.comment }, now));
        emit(io, options, created, () => [`silenced ${formatMatchers(created.matchers)} until ${new Date(created.endsAt).toISOString()} (${created.id})`]);
      });
    });
  silence
    .command('list')
    .description('list silences that have not ended')
    .option('--all', 'include expired silences')
    .action(async (opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await withNotifyStore(io, options, async ({ silences }) => {
        const list = await silences.list({ all: opts.all === true });
        emit(io, options, { silences: list }, () => (list.length === 0 ? ['no silences'] : silenceTable(list)));
      });
    });
  silence
    .command('expire')
    .description('end a silence now')
    .argument('<id>', 'silence id, from silence list')
    .action(async (id, _opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await withNotifyStore(io, options, async ({ silences }) => {
        const expired = await silences.expire(id);
        emit(io, options, expired, () => [`expired silence ${expired.id} (${formatMatchers(expired.matchers)})`]);
      });
    });
}

function silenceTable(list: Silence[]): string[] {
  return table([
    ['ID', 'STATE', 'ENDS', 'AUTHOR', 'MATCHERS', 'COMMENT'],
    ...list.map((s) => [s.id, s.state, new Date(s.endsAt).toISOString(), s.author, formatMatchers(s.matchers), s.comment]),
  ]);
}
