import { Command, Option } from '@commander-js/extra-typings';
import type { CliIo } from './cli-io.js';
import type { OpenBackupSession } from './commands/backup-session.js';
import { VERSION } from './version.js';

type Register = (program: Command, io: CliIo) => void;

/**
 * Top-level commands and the module that registers them, in help order. Modules load only
 * when their command runs (or for the full help), so `guardia backup restore` does not pay
 * for the dashboard's or Redis's code at start-up.
 */
const COMMANDS: readonly { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['validate'], load: async () => (await import('./commands/validate-command.js')).registerValidateCommand },
  { names: ['schema'], load: async () => (await import('./commands/schema-command.js')).registerSchemaCommand },
  { names: ['up'], load: async () => (await import('./commands/up-command.js')).registerUpCommand },
  { names: ['status'], load: async () => (await import('./commands/status-command.js')).registerStatusCommand },
  { names: ['probe'], load: async () => (await import('./commands/probe-command.js')).registerProbeCommand },
  { names: ['token'], load: async () => (await import('./commands/token-command.js')).registerTokenCommand },
  { names: ['user'], load: async () => (await import('./commands/user-command.js')).registerUserCommand },
  { names: ['query', 'query_range'], load: async () => (await import('./commands/query-command.js')).registerQueryCommands },
  { names: ['rules'], load: async () => (await import('./commands/rules-command.js')).registerRulesCommand },
  { names: ['secrets'], load: async () => (await import('./commands/secrets-command.js')).registerSecretsCommand },
  { names: ['alerts'], load: async () => (await import('./commands/alerts-command.js')).registerAlertsCommand },
  { names: ['notify'], load: async () => (await import('./commands/notify-command.js')).registerNotifyCommand },
  { names: ['silence'], load: async () => (await import('./commands/silence-command.js')).registerSilenceCommand },
  { names: ['outbox'], load: async () => (await import('./commands/outbox-command.js')).registerOutboxCommand },
  { names: ['incident'], load: async () => (await import('./commands/incident-command.js')).registerIncidentCommand },
  { names: ['runbook'], load: async () => (await import('./commands/runbook-command.js')).registerRunbookCommand },
  { names: ['backup'], load: async () => withBackupSession((await import('./commands/backup-command.js')).registerBackupCommand) },
  { names: ['dr'], load: async () => withBackupSession((await import('./commands/dr-command.js')).registerDrCommand) },
  { names: ['migrate'], load: async () => (await import('./commands/migrate-command.js')).registerMigrateCommand },
  { names: ['release', 'approve', 'rollback', 'releases'], load: async () => (await import('./commands/release-command.js')).registerReleaseCommand },
  { names: ['mirror', 'mirrors'], load: async () => (await import('./commands/mirror-command.js')).registerMirrorCommand },
  { names: ['export'], load: async () => (await import('./commands/export-command.js')).registerExportCommand },
];

/** Options that take a value: the word after them is not a command name. */
const VALUED_GLOBALS = new Set(['-c', '--config', '--data-dir', '--listen', '--as']);

/** The top-level command names, in help order (for tests and completion). */
export const COMMAND_NAMES: readonly string[] = COMMANDS.flatMap((c) => c.names);

/**
 * The `guardia` command tree for one invocation: the command named in `argv` only, or every
 * command when none is named or the name is unknown (for the help and the suggestion).
 * Global options are accepted anywhere on the line.
 */
export async function createProgram(io: CliIo, argv: readonly string[] = []): Promise<Command> {
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
  const named = commandName(argv);
  const wanted = COMMANDS.filter((c) => named !== undefined && c.names.includes(named));
  // `guardia --version` alone needs no command's code.
  const versionOnly = named === undefined && argv.some((word) => word === '-V' || word === '--version') && !argv.some((word) => word === '-h' || word === '--help');
  const loaded = versionOnly ? [] : wanted.length > 0 ? wanted : COMMANDS;
  for (const register of await Promise.all(loaded.map((c) => c.load()))) register(program as never, io);
  // Sub-commands inherit exit handling and output so usage errors are one line and exit 2.
  for (const command of program.commands) inherit(command, program);
  return program;
}

/** The first word of `argv` that is neither an option nor a global option's value. */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') return argv[i + 1];
    if (!word.startsWith('-')) return word;
    if (VALUED_GLOBALS.has(word)) i++;
  }
  return undefined;
}

function withBackupSession(register: (program: Command, io: CliIo, open: OpenBackupSession) => void): Register {
  return (program, io) => register(program, io, (...args) => import('./commands/backup-session.js').then((m) => m.openBackupSession(...args)));
}

type AnyCommand = { commands: readonly AnyCommand[]; exitOverride(): unknown; copyInheritedSettings(parent: never): unknown };

function inherit(command: AnyCommand, parent: unknown): void {
  command.copyInheritedSettings(parent as never);
  for (const sub of command.commands) inherit(sub, command);
}
