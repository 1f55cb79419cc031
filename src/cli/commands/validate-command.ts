import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { backupWarnings } from '../../config/index.js';
import { ConfigError, type ConfigProblem } from '../../errors.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { ExitSignal } from '../run-cli.js';
import { emit } from '../output.js';

/** `guardia validate`: checks the config file and reports every problem at once. */
export function registerValidateCommand(program: CommandUnknownOpts, io: CliIo): void {
  program
    .command('validate')
    .description('check guardia.yaml and report every problem (file:line:col key.path: message)')
    .action(async (_options, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      const ctx = new CliContext(io, options);
      try {
        const config = await ctx.loadConfig();
        for (const warning of backupWarnings(config.environments)) io.stderr(`guardia: warning: ${warning}\n`);
        const probes = config.environments.reduce((n, e) => n + e.probes.length, 0);
        emit(
          io,
          options,
          { valid: true, file: ctx.configPath(), project: config.project, environments: config.environments.map((e) => e.name), probes },
          () => [`${ctx.configPath()}: valid (${plural(config.environments.length, 'environment')}, ${plural(probes, 'probe')})`],
        );
      } catch (error) {
        if (!(error instanceof ConfigError) || !options.json) throw error;
        emit(io, options, { valid: false, file: ctx.configPath(), problems: error.problems satisfies ConfigProblem[] }, () => []);
        throw new ExitSignal(1);
      }
    });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
