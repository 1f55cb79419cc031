/**
 * guardia's error catalog. Every failure that can reach a user is one of these:
 * a stable `code`, a message that names the remedy, and an exit code for the CLI.
 * At the CLI and HTTP boundaries `toPublicError()` maps anything thrown to `{code, message}`
 * so that stack traces, SQL text and secrets stay inside.
 */

/** CLI exit codes, documented in the README. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  unavailable: 3,
  waiting: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface GuardiaErrorOptions {
  cause?: unknown;
}

export abstract class GuardiaError extends Error {
  abstract readonly code: string;
  /** Exit code when this error ends a CLI command. */
  readonly exitCode: ExitCode = ExitCode.failed;
  /** HTTP status when this error ends an API request. */
  readonly httpStatus: number = 500;

  constructor(message: string, options: GuardiaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** One problem in a config file, already positioned. */
export interface ConfigProblem {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
}

export function formatConfigProblem(p: ConfigProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** The config file is invalid; carries every problem found, one line each. */
export class ConfigError extends GuardiaError {
  readonly code = 'config_invalid';
  override readonly httpStatus = 400;
  constructor(readonly problems: ConfigProblem[], options?: GuardiaErrorOptions) {
    super(problems.map(formatConfigProblem).join('\n'), options);
  }
}

/** The config file cannot be read as YAML at all (missing, too big, binary, alias bomb…). */
export class ConfigFileError extends GuardiaError {
  readonly code = 'config_unreadable';
  override readonly httpStatus = 400;
}

/** Bad command-line usage: unknown option, missing argument, bad value. */
export class UsageError extends GuardiaError {
  readonly code = 'usage';
  override readonly exitCode = ExitCode.usage;
  override readonly httpStatus = 400;
}

/** A request body, query or parameter failed validation. */
export class InvalidRequestError extends GuardiaError {
  readonly code = 'invalid_request';
  override readonly httpStatus = 400;
}

/** A named thing (environment, probe, token…) does not exist. */
export class NotFoundError extends GuardiaError {
  readonly code = 'not_found';
  override readonly httpStatus = 404;
}

export class UnauthorizedError extends GuardiaError {
  readonly code = 'unauthorized';
  override readonly httpStatus = 401;
}

export class ForbiddenError extends GuardiaError {
  readonly code = 'forbidden';
  override readonly httpStatus = 403;
}

/** An action was refused for safety (non-loopback listener without tokens, destructive action without --yes). */
export class RefusedError extends GuardiaError {
  readonly code = 'refused';
  override readonly httpStatus = 409;
}

/** A dependency (store, database, server, client tool) cannot be reached or used. */
export class UnavailableError extends GuardiaError {
  readonly code = 'unavailable';
  override readonly exitCode = ExitCode.unavailable;
  override readonly httpStatus = 503;
}

/** What was checked failed (a probe is down, a check did not pass). */
export class CheckFailedError extends GuardiaError {
  readonly code = 'check_failed';
  override readonly httpStatus = 422;
}

/**
 * A PromQL expression or rule file is invalid: syntax, types, or a construct guardia does not
 * support. `offset` is where in the expression text the problem starts, when known.
 */
export class PromqlParseError extends GuardiaError {
  readonly code = 'promql_invalid';
  override readonly httpStatus = 400;
  constructor(message: string, readonly offset?: number, options?: GuardiaErrorOptions) {
    super(message, options);
  }
}

/** A valid expression failed while evaluating (e.g. duplicate series on the "one" side of a match). */
export class PromqlEvalError extends GuardiaError {
  readonly code = 'promql_execution';
  override readonly httpStatus = 422;
}

/**
 * A notification channel did not take a notification. `retryable` is true when trying again
 * later may succeed (network errors, timeouts, HTTP 408/429/5xx, SMTP 4xx), false when the
 * receiver refused it (other 4xx, SMTP 5xx, bad payload). The message names the channel and
 * the status, never the channel's secrets.
 */
export class NotifyError extends GuardiaError {
  readonly code = 'notify_failed';
  override readonly httpStatus = 502;
  override readonly exitCode: ExitCode;
  constructor(message: string, readonly retryable: boolean, options?: GuardiaErrorOptions) {
    super(message, options);
    this.exitCode = retryable ? ExitCode.unavailable : ExitCode.failed;
  }
}

/**
 * A backup repository could not be read or written after retries (unreachable, refused, full).
 * `notFound` is true when the key simply does not exist. Never carries credentials.
 */
export class RepositoryError extends GuardiaError {
  readonly code = 'repository_unavailable';
  override readonly exitCode = ExitCode.unavailable;
  override readonly httpStatus = 503;
  constructor(message: string, readonly notFound = false, options?: GuardiaErrorOptions) {
    super(message, options);
  }
}

/** A client tool (pg_dump, pg_restore, age, zstd) is missing or older than what it must handle. */
export class ClientToolError extends GuardiaError {
  readonly code = 'client_tool';
  override readonly exitCode = ExitCode.unavailable;
  override readonly httpStatus = 503;
}

/** A backup, verification, restore or drill ran and failed; the message says at which step. */
export class BackupFailedError extends GuardiaError {
  readonly code = 'backup_failed';
  override readonly httpStatus = 422;
}

/** A staging mirror ran and failed (restore, masking, a seed file, the swap); the target was left as it was. */
export class MirrorFailedError extends GuardiaError {
  readonly code = 'mirror_failed';
  override readonly httpStatus = 422;
}

/** Someone else holds the lock (a backup of the same database, a release of the same environment). */
export class LockedError extends GuardiaError {
  readonly code = 'locked';
  override readonly httpStatus = 409;
}

/** A migration of the app database failed or cannot be applied (edited after it was applied, numbered twice). */
export class MigrationError extends GuardiaError {
  readonly code = 'migration_failed';
}

export interface PublicError {
  code: string;
  message: string;
}

/**
 * Maps any thrown value to what a user may see. Unknown errors become `internal`
 * with a generic message; `redact` removes secret values from known messages.
 */
export function toPublicError(error: unknown, redact: (text: string) => string = (t) => t): PublicError {
  if (error instanceof GuardiaError) return { code: error.code, message: redact(error.message) };
  return { code: 'internal', message: 'internal error; rerun with --debug for details' };
}

export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof GuardiaError ? error.exitCode : ExitCode.failed;
}

export function httpStatusOf(error: unknown): number {
  return error instanceof GuardiaError ? error.httpStatus : 500;
}
