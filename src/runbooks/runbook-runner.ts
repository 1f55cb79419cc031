import type { Clock } from '../clock/index.js';
import type { Runbook, RunbookStep, StepResult } from './runbook.js';
import type { Spawn } from './spawn.js';

/** Recorded output per step: enough to see what happened without flooding the timeline. */
export const MAX_OUTPUT_BYTES = 4096;

export interface RunbookRunnerDeps {
  spawn: Spawn;
  clock: Clock;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Removes secrets from commands and output before anything is shown or recorded. */
  redact: (text: string) => string;
  /** Asked before each step; false stops the run (the step is not run). */
  confirm: (step: RunbookStep) => Promise<boolean>;
  /** Told before a step runs (to show it). */
  onStart?: (step: RunbookStep) => void;
  /** Told of each finished step (to show or record it). */
  onStep?: (result: StepResult) => Promise<void>;
  signal?: AbortSignal;
}

export interface RunbookOutcome {
  results: StepResult[];
  /** `done`: every step passed; `failed`: a step exited non-zero; `stopped`: a confirmation was declined. */
  status: 'done' | 'failed' | 'stopped';
}

/** Runs a runbook's steps one at a time, in order, stopping at the first that fails. */
export async function runRunbook(runbook: Runbook, deps: RunbookRunnerDeps): Promise<RunbookOutcome> {
  const results: StepResult[] = [];
  for (const step of runbook.steps) {
    if (!(await deps.confirm(step))) return { results, status: 'stopped' };
    deps.onStart?.(step);
    const started = deps.clock.now();
    const { exitCode, output } = await deps.spawn.run(step.shell, ['-c', step.command], { cwd: deps.cwd, env: deps.env, signal: deps.signal });
    const result: StepResult = {
      step,
      command: scrub(step.command, deps.redact),
      exitCode,
      output: truncate(scrub(output, deps.redact)),
      durationMs: deps.clock.now() - started,
    };
    results.push(result);
    await deps.onStep?.(result);
    if (exitCode !== 0) return { results, status: 'failed' };
  }
  return { results, status: 'done' };
}

/** Config secrets, plus passwords in URLs (`scheme://user:secret@host`) that need no config to spot. */
function scrub(text: string, redact: (text: string) => string): string {
  return redact(text).replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, '$1***@');
}

/** Keeps the head and the tail (where errors usually are) within MAX_OUTPUT_BYTES. */
export function truncate(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= MAX_OUTPUT_BYTES) return text;
  const half = MAX_OUTPUT_BYTES / 2;
  const omitted = bytes.length - MAX_OUTPUT_BYTES;
  return `${bytes.subarray(0, half).toString('utf8')}\n… ${omitted} bytes omitted …\n${bytes.subarray(bytes.length - half).toString('utf8')}`;
}
