import type { ReleaseStepConfig } from '../../config/schema/release/release-config.js';
import { CheckFailedError } from '../../errors.js';
import { runHttpStep } from './http-step.js';
import { runSmokeStep, runWaitHealthyStep } from './probe-steps.js';
import { runShell } from './shell-command.js';
import type { StepContext } from './step-context.js';

/** Runs one release step; throws (a guardia error with the reason) when it fails. */
export async function runStep(step: ReleaseStepConfig, ctx: StepContext): Promise<void> {
  switch (step.kind) {
    case 'run':
      return runCommandStep(step.run, step.timeoutMs, ctx);
    case 'http':
      return runHttpStep(step.http, ctx);
    case 'backup':
      ctx.line(await ctx.backup());
      return;
    case 'migrate':
      for (const line of await ctx.migrate(step.dir)) ctx.line(line);
      return;
    case 'smoke':
      return runSmokeStep(step.probes, ctx);
    case 'wait_healthy':
      return runWaitHealthyStep(step, ctx);
  }
}

async function runCommandStep(command: string, timeoutMs: number, ctx: StepContext): Promise<void> {
  const env = { ...ctx.baseEnv, VERSION: ctx.version, PREVIOUS_VERSION: ctx.previousVersion ?? '', ENVIRONMENT: ctx.env };
  const result = await runShell(command, { cwd: ctx.cwd, env, timeoutMs, clock: ctx.clock, signal: ctx.signal, line: ctx.line });
  if (result.killed === 'timeout') throw new CheckFailedError(`timed out after ${Math.round(timeoutMs / 1000)} s (its process group was killed)`);
  if (result.killed === 'cancelled') throw new CheckFailedError('cancelled');
  if (result.exitCode !== 0) throw new CheckFailedError(`exited with status ${result.exitCode ?? 'unknown'}`);
}
