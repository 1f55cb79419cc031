import { Command, Option } from '@commander-js/extra-typings';
import type { CliIo } from './cli-io.js';
import { registerAlertsCommand } from './commands/alerts-command.js';
import { registerBackupCommand } from './commands/backup-command.js';
import { openBackupSession } from './commands/backup-session.js';
import { registerDrCommand } from './commands/dr-command.js';
import { registerIncidentCommand } from './commands/incident-command.js';
import { registerMigrateCommand } from './commands/migrate-command.js';
import { registerNotifyCommand } from './commands/notify-command.js';
import { registerOutboxCommand } from './commands/outbox-command.js';
import { registerProbeCommand } from './commands/probe-command.js';
import { registerQueryCommands } from './commands/query-command.js';
import { registerReleaseCommand } from './commands/release-command.js';
import { registerRunbookCommand } from './commands/runbook-command.js';
import { registerRulesCommand } from './commands/rules-command.js';
import { registerSchemaCommand } from './commands/schema-command.js';
import { registerSilenceCommand } from './commands/silence-command.js';
import { registerStatusCommand } from './commands/status-command.js';
import { registerTokenCommand } from './commands/token-command.js';
import { registerUpCommand } from './commands/up-command.js';
import { registerUserCommand } from './commands/user-command.js';
import { registerValidateCommand } from './commands/validate-command.js';
import { VERSION } from './version.js';

/** The `guardia` command tree. Global options are accepted anywhere on the line. */
export function createProgram(io: CliIo) {
  const program = new Command()
    .name('guardia')
    .description('The operations plan of a PostgreSQL web app, from one guardia.yaml and one process.')
    .version(VERSION, '-V, --version')
    .option('-c, --config <file>', 'config file (env GUARDIA_CONFIG; default ./guardia.yaml)')
    .option('--data-dir <dir>', 'state directory (env GUARDIA_DATA_DIR; default .guardia/ beside the config)')
    .option('--listen <host:port>', 'HTTP listen address (env GUARDIA_LISTEN; default 127.0.0.1:4680)')
    .option('--json', 'print one JSON object')
    .option('--debug', 'print error details')
    .option('--yes', 'confirm destructive actions without asking')
    .addOption(new Option('--as <name>', 'who is acting (env GUARDIA_USER)'))
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`guardia: ${text.replace(/^error: /, '')}`),
    });
  registerValidateCommand(program, io);
  registerSchemaCommand(program, io);
  registerUpCommand(program, io);
  registerStatusCommand(program, io);
  registerProbeCommand(program, io);
  registerTokenCommand(program, io);
  registerUserCommand(program, io);
  registerQueryCommands(program, io);
  registerRulesCommand(program, io);
  registerAlertsCommand(program, io);
  registerNotifyCommand(program, io);
  registerSilenceCommand(program, io);
  registerOutboxCommand(program, io);
  registerIncidentCommand(program, io);
  registerRunbookCommand(program, io);
  registerBackupCommand(program, io, openBackupSession);
  registerDrCommand(program, io, openBackupSession);
  registerMigrateCommand(program, io);
  registerReleaseCommand(program, io);
  // Sub-commands inherit exit handling and output so usage errors are one line and exit 2.
  for (const command of program.commands) inherit(command, program);
  return program;
}

type AnyCommand = { commands: readonly AnyCommand[]; exitOverride(): unknown; copyInheritedSettings(parent: never): unknown };

function inherit(command: AnyCommand, parent: unknown): void {
  command.copyInheritedSettings(parent as never);
  for (const sub of command.commands) inherit(sub, command);
}
