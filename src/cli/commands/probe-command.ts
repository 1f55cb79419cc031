import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../../errors.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit } from '../output.js';
import { ExitSignal } from '../run-cli.js';

/** `guardia probe run <env>/<probe>`: runs one probe now and records the result. */
export function registerProbeCommand(program: CommandUnknownOpts, io: CliIo): void {
  const probe = program.command('probe').description('work with probes');
  probe
    .command('run')
    .description('run one probe now and record its result (exit 0 up or degraded, 1 down)')
    .argument('<env/probe>', 'the probe, e.g. production/api')
    .action(async (id, _options, command) => {
      if (!/^[^/]+\/[^/]+$/.test(id)) throw new UsageError(`expected <environment>/<probe>, got "${id}"`);
      const options = command.optsWithGlobals() as GlobalOptions;
      const guardia = await new CliContext(io, options).open();
      try {
        const result = await guardia.services.probes.runNow(id);
        emit(io, options, result, () => [`${id}: ${result.status} in ${Math.round(result.durationMs)} ms — ${result.reason}`]);
        if (result.status === 'down') throw new ExitSignal(1);
      } finally {
        await guardia.close();
      }
    });
}
