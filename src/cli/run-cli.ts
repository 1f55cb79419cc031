import { CommanderError } from '@commander-js/extra-typings';
import { ExitCode, exitCodeOf, GuardiaError, toPublicError } from '../errors.js';
import type { CliIo } from './cli-io.js';
import { createProgram } from './program.js';

/**
 * Runs one CLI invocation and returns its exit code. Every failure ends as one line on
 * stderr (`guardia: <reason>`); `--debug` adds the cause chain. Never a stack trace by default.
 */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const debug = argv.includes('--debug');
  try {
    const program = await createProgram(io, argv);
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error);
    if (error instanceof ExitSignal) return error.exitCode;
    const message = error instanceof GuardiaError ? error.message : toPublicError(error).message;
    for (const line of message.split('\n')) io.stderr(`guardia: ${line}\n`);
    if (debug) io.stderr(debugDetail(error) + '\n');
    return exitCodeOf(error);
  }
}

/** Thrown by a command that has already printed its result and only sets the exit code. */
export class ExitSignal extends Error {
  constructor(readonly exitCode: ExitCode) {
    super(`exit ${exitCode}`);
  }
}

function commanderExit(error: CommanderError): ExitCode {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
    return ExitCode.ok;
  }
  return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
}

function debugDetail(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    parts.push(current.stack ?? current.message);
    current = current.cause;
  }
  return parts.join('\ncaused by: ');
}
