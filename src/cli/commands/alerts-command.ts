import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { AlertService, AlertStateRepository, type AlertFilter, type AlertInstance } from '../../alerts/index.js';
import { UsageError } from '../../errors.js';
import { openSqliteStore } from '../../store/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { ago, emit, table } from '../output.js';

const STATES = ['pending', 'firing', 'resolved'];

/** `guardia alerts [--state S] [--env E]`: alert states from the store (no daemon needed). */
export function registerAlertsCommand(program: CommandUnknownOpts, io: CliIo): void {
  program
    .command('alerts')
    .description('list alerts: pending, firing, and resolved in the last 15 minutes')
    .option('--state <state>', `only ${STATES.join(', ')} alerts`)
    .option('--env <env>', 'only alerts of this environment')
    .action(async (opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      if (opts.state !== undefined && !STATES.includes(opts.state)) throw new UsageError(`unknown --state "${opts.state}": use ${STATES.join(', ')}`);
      const filter: AlertFilter = {
        ...(opts.state !== undefined ? { state: opts.state as AlertInstance['state'] } : {}),
        ...(opts.env !== undefined ? { env: opts.env } : {}),
      };
      const ctx = new CliContext(io, options);
      const explicitDir = options.dataDir ?? io.env.GUARDIA_DATA_DIR;
      const store = await openSqliteStore(ctx.storePath(explicitDir ? undefined : await ctx.loadConfig()));
      try {
        const alerts = await new AlertService(new AlertStateRepository(store)).list(filter);
        emit(io, options, { alerts }, () => humanAlerts(alerts, ctx.clock.now()));
      } finally {
        await store.close();
      }
    });
}

function humanAlerts(alerts: AlertInstance[], now: number): string[] {
  if (alerts.length === 0) return ['no alerts'];
  const since = (a: AlertInstance) => ago(a.state === 'resolved' ? a.resolvedAt : (a.firedAt ?? a.activeAt), now);
  const rows = alerts.map((a) => [a.rule, a.env ?? '-', a.state, a.severity, since(a), a.annotations.summary ?? labelText(a.labels)]);
  return table([['ALERT', 'ENV', 'STATE', 'SEVERITY', 'SINCE', 'SUMMARY'], ...rows]);
}

/** The labels that tell alerts of one rule apart (not the ones every alert has). */
function labelText(labels: Record<string, string>): string {
  const { alertname: _a, severity: _s, env: _e, ...rest } = labels;
  return Object.entries(rest)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}
