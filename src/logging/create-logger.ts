import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  debug?: boolean;
  /** Where log lines go (stderr in the CLI). */
  write: (line: string) => void;
  /** Removes secret values from every line before it is written. */
  redact: (text: string) => string;
}

/** JSON-lines logger; every line passes through the redactor so no secret is ever logged. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.debug ? 'debug' : 'info',
      base: undefined,
      hooks: { streamWrite: (line) => options.redact(line) },
    },
    { write: (line: string) => options.write(line) },
  );
}
