import { GOT } from '../problems/path-problem.js';
import type { ConfigPath, ProblemSink } from '../problems/path-problem.js';
import type { ProbeCommon } from '../resolved-config.js';
import { formatDuration } from '../values/duration-parser.js';

/** Scheduling settings as written (probe or `defaults:`), in milliseconds. */
export interface ProbeTimingInput {
  every?: number | undefined;
  timeout?: number | undefined;
  retries?: number | undefined;
  retry_delay?: number | undefined;
  degraded_over?: number | undefined;
  jitter?: number | undefined;
}

export const DEFAULT_EVERY_MS = 30_000;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY_DELAY_MS = 1_000;
export const MAX_DEFAULT_JITTER_MS = 10_000;

/**
 * Applies the probe's settings over `defaults:` over built-in defaults, and checks that
 * an explicit `timeout` or `jitter` fits within `every`.
 */
export function resolveProbeCommon(
  ids: { env: string; name: string },
  probe: ProbeTimingInput,
  defaults: ProbeTimingInput,
  path: ConfigPath,
  problems: ProblemSink,
): ProbeCommon {
  const every = probe.every ?? defaults.every ?? DEFAULT_EVERY_MS;
  checkFits(probe, every, path, problems);
  const common: ProbeCommon = {
    id: `${ids.env}/${ids.name}`,
    env: ids.env,
    name: ids.name,
    everyMs: every,
    timeoutMs: probe.timeout ?? Math.min(defaults.timeout ?? DEFAULT_TIMEOUT_MS, every),
    retries: probe.retries ?? defaults.retries ?? 0,
    retryDelayMs: probe.retry_delay ?? defaults.retry_delay ?? DEFAULT_RETRY_DELAY_MS,
    jitterMs: probe.jitter ?? Math.min(defaults.jitter ?? Math.min(Math.floor(every / 10), MAX_DEFAULT_JITTER_MS), every),
  };
  const degradedOver = probe.degraded_over ?? defaults.degraded_over;
  if (degradedOver !== undefined) common.degradedOverMs = degradedOver;
  return common;
}

/** `timeout` and `jitter` set at this level must not exceed the interval in force. */
export function checkFits(timing: ProbeTimingInput, every: number, path: ConfigPath, problems: ProblemSink): void {
  for (const key of ['timeout', 'jitter'] as const) {
    const value = timing[key];
    if (value !== undefined && value > every) {
      problems.add([...path, key], `expected at most every (${formatDuration(every)})${GOT}`);
    }
  }
}
