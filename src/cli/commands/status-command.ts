import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { EnvironmentView } from '../../http/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { ago, emit, table } from '../output.js';
import { ExitSignal } from '../run-cli.js';

/** `guardia status [env]`: the last known state of every probe; exit 1 when any is down. */
export function registerStatusCommand(program: CommandUnknownOpts, io: CliIo): void {
  program
    .command('status')
    .description('show the state of every probe (exit 1 when any is down)')
    .argument('[env]', 'only this environment')
    .action(async (env, _options, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      const ctx = new CliContext(io, options);
      const guardia = await ctx.open();
      try {
        const all = await guardia.services.status.environments();
        const environments = env === undefined ? all : [await guardia.services.status.environment(env)];
        const now = guardia.clock.now();
        emit(io, options, { project: guardia.config.project, environments }, () => humanStatus(environments, now));
        if (environments.some((e) => e.counts.down > 0)) throw new ExitSignal(1);
      } finally {
        await guardia.close();
      }
    });
}

function humanStatus(environments: EnvironmentView[], now: number): string[] {
  const lines: string[] = [];
  for (const env of environments) {
    lines.push(`${env.name}: ${env.status} (${env.counts.up} up, ${env.counts.degraded} degraded, ${env.counts.down} down, ${env.counts.unknown} unknown)`);
    const rows = env.probes.map((p) => ['  ' + p.name, p.kind, p.status, ago(p.lastRun, now), p.reason]);
    lines.push(...table([['  PROBE', 'KIND', 'STATUS', 'CHECKED', 'REASON'], ...rows]));
  }
  return lines;
}
