import type { ProbeConfig } from '../../config/resolved-config.js';
import { CheckFailedError } from '../../errors.js';
import type { StepContext } from './step-context.js';

/** Runs each smoke probe once; any probe down fails the step (degraded passes). */
export async function runSmokeStep(probes: readonly ProbeConfig[], ctx: StepContext): Promise<void> {
  const failed: string[] = [];
  for (const probe of probes) {
    const result = await ctx.runProbe(probe, false);
    ctx.line(`${probe.name}: ${result.status} — ${result.reason}`);
    if (result.status === 'down') failed.push(`${probe.name} (${result.reason})`);
  }
  if (failed.length > 0) throw new CheckFailedError(`smoke failed: ${failed.join(', ')}`);
}

/** What `wait_healthy` waits for. */
export interface WaitHealthy {
  probes: readonly string[];
  consecutive: number;
  everyMs: number;
  timeoutMs: number;
}

/**
 * Runs the named probes every `everyMs` until each was up (or degraded) `consecutive` times in a
 * row; its last line says how many runs that took. Past `timeoutMs` it fails naming each probe
 * still short of its streak with the status and reason of its last run.
 */
export async function runWaitHealthyStep(wait: WaitHealthy, ctx: StepContext): Promise<void> {
  const states = wait.probes.map((name) => {
    const probe = ctx.probe(name);
    if (!probe) throw new CheckFailedError(`no probe "${name}" in ${ctx.env}`);
    return { probe, streak: 0, last: '' };
  });
  const deadline = ctx.clock.now() + wait.timeoutMs;
  for (let runs = 1; ; runs += 1) {
    for (const state of states) {
      const { status, reason } = await ctx.runProbe(state.probe, true);
      state.streak = status === 'down' ? 0 : state.streak + 1;
      state.last = reason ? `${status}: ${reason}` : status;
      ctx.line(`${state.probe.name}: ${status} (${state.streak}/${wait.consecutive})${status === 'up' ? '' : ` — ${reason}`}`);
    }
    if (states.every((s) => s.streak >= wait.consecutive)) {
      ctx.line(`healthy after ${plural(runs, 'run')} (${wait.consecutive} in a row)`);
      return;
    }
    if (ctx.clock.now() + wait.everyMs > deadline) {
      const short = states.filter((s) => s.streak < wait.consecutive).map((s) => `${s.probe.name} (${s.streak}/${wait.consecutive} in a row; last ${s.last})`);
      throw new CheckFailedError(`not healthy within ${Math.round(wait.timeoutMs / 1000)} s after ${plural(runs, 'run')}: ${short.join(', ')}`);
    }
    await ctx.clock.sleep(wait.everyMs, ctx.signal);
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
