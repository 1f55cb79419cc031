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

/** Runs the named probes every `everyMs` until each was up (or degraded) `consecutive` times in a row. */
export async function runWaitHealthyStep(wait: WaitHealthy, ctx: StepContext): Promise<void> {
  const probes = wait.probes.map((name) => {
    const probe = ctx.probe(name);
    if (!probe) throw new CheckFailedError(`no probe "${name}" in ${ctx.env}`);
    return probe;
  });
  const streak = new Map(probes.map((p) => [p.name, 0]));
  const deadline = ctx.clock.now() + wait.timeoutMs;
  for (;;) {
    for (const probe of probes) {
      const result = await ctx.runProbe(probe, true);
      streak.set(probe.name, result.status === 'down' ? 0 : (streak.get(probe.name) ?? 0) + 1);
      ctx.line(`${probe.name}: ${result.status} (${streak.get(probe.name)}/${wait.consecutive})`);
    }
    if ([...streak.values()].every((n) => n >= wait.consecutive)) return;
    if (ctx.clock.now() + wait.everyMs > deadline) {
      const short = [...streak].filter(([, n]) => n < wait.consecutive).map(([name]) => name);
      throw new CheckFailedError(`not healthy within ${Math.round(wait.timeoutMs / 1000)} s: ${short.join(', ')}`);
    }
    await ctx.clock.sleep(wait.everyMs, ctx.signal);
  }
}
