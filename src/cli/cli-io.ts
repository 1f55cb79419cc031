/** Where a CLI run reads and writes; the real process in production, buffers in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted to stop long-running commands (`up`); SIGINT/SIGTERM in production. */
  signal?: AbortSignal;
  /** Reads all of standard input (for `--password-stdin`-style secrets). */
  readStdin?: () => Promise<string>;
  /** Asks one question on a terminal and returns the answer line (undefined at end of input); absent when stdin is not a terminal. */
  prompt?: (question: string) => Promise<string | undefined>;
}

/** Global options, accepted before or after positional arguments. */
export interface GlobalOptions {
  config?: string;
  dataDir?: string;
  listen?: string;
  json?: boolean;
  debug?: boolean;
  yes?: boolean;
  as?: string;
}
