import { Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { ListenAddress } from '../../config/index.js';
import { NotifyError, UsageError } from '../../errors.js';
import { buildTestNotification, createNotifier } from '../../notifiers/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit } from '../output.js';
import { ExitSignal } from '../run-cli.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** `guardia notify test <channel>`: sends a synthetic GuardiaTest alert to one channel now. */
export function registerNotifyCommand(program: CommandUnknownOpts, io: CliIo): void {
  const notify = program.command('notify').description('notification channels');
  notify
    .command('test')
    .description('send a test notification to one channel now (exit 0 delivered, 1 refused, 3 unreachable or 5xx)')
    .argument('<channel>', 'a channel name from `channels:`')
    .addOption(new Option('--severity <severity>', 'severity of the test alert').choices(SEVERITIES).default('low'))
    .action(async (name: string, opts: { severity: string }, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      const context = new CliContext(io, options);
      const config = await context.loadConfig();
      const channel = config.channels.find((c) => c.name === name);
      if (!channel) {
        const known = config.channels.map((c) => c.name);
        throw new UsageError(`unknown channel "${name}"; ${known.length > 0 ? `channels: ${known.join(', ')}` : `${context.configPath()} has no channels:`}`);
      }
      const notifier = createNotifier(name, channel, { clock: context.clock });
      const notification = buildTestNotification({ channel: name, severity: opts.severity, externalUrl: externalUrl(context.listen(config)), now: context.clock.now() });
      try {
        await notifier.send(notification, io.signal ?? new AbortController().signal);
      } catch (error) {
        if (!(error instanceof NotifyError) || !options.json) throw error;
        emit(io, options, { channel: name, kind: channel.kind, delivered: false, retryable: error.retryable, error: { code: error.code, message: error.message } }, () => []);
        throw new ExitSignal(error.exitCode);
      }
      emit(io, options, { channel: name, kind: channel.kind, delivered: true }, () => [`${name} (${channel.kind}): test notification delivered`]);
    });
}

/** Links in notifications point at guardia's listener until an external URL is configured. */
function externalUrl(listen: ListenAddress): string {
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return `http://${host}:${listen.port}`;
}
