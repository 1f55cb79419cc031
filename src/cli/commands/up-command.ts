import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { createRedactor } from '../../config/index.js';
import { limitHeapGrowth, openGuardia, runDaemon } from '../../engine/index.js';
import { createLogger } from '../../logging/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';

/** `guardia up`: the daemon. Runs until SIGINT/SIGTERM. */
export function registerUpCommand(program: CommandUnknownOpts, io: CliIo): void {
  program
    .command('up')
    .description('run guardia: probes, store upkeep and the HTTP API, until stopped')
    .action(async (_options, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      // Before the config loads: a large config's parse is the first burst of garbage.
      limitHeapGrowth();
      const ctx = new CliContext(io, options);
      const config = await ctx.loadConfig();
      const listen = ctx.listen(config);
      const storePath = ctx.storePath(config);
      const log = createLogger({ debug: options.debug, write: io.stderr, redact: createRedactor(config.secrets) });
      const guardia = await openGuardia({
        config,
        storePath,
        clock: ctx.clock,
        onError: (error) => log.error({ err: error }, 'event listener failed'),
      });
      const signal = io.signal ?? new AbortController().signal;
      try {
        await runDaemon(guardia, { listen, signal, log });
      } catch (error) {
        await guardia.close();
        throw error;
      }
    });
}
