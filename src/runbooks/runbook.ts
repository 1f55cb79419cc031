/** One fenced code block marked as a step (```sh step, ```bash {step}). */
export interface RunbookStep {
  /** 1-based, in file order. */
  index: number;
  /** The nearest heading above the block, or `step N`. */
  title: string;
  /** The shell that runs it: `sh` or `bash`. */
  shell: 'sh' | 'bash';
  command: string;
}

/** A markdown runbook and the steps `guardia runbook run` executes. */
export interface Runbook {
  path: string;
  /** The first `# heading`, or the file name. */
  title: string;
  steps: RunbookStep[];
}

/** What running one step produced, as recorded in the incident timeline. */
export interface StepResult {
  step: RunbookStep;
  /** The command as recorded (secrets redacted). */
  command: string;
  exitCode: number;
  /** stdout and stderr interleaved, redacted and truncated. */
  output: string;
  durationMs: number;
}
