import type { Clock } from '../../clock/index.js';
import type { ProbeCommon } from '../../config/resolved-config.js';
import type { Probe, ProbeOutcome } from '../probe.js';
import { abortReason, timeoutError } from './abort-reason.js';
import { errorReason } from './error-reason.js';

/** The final attempt of a run. */
export interface AttemptsResult {
  outcome: ProbeOutcome;
  attempts: number;
  /** Duration of the final attempt, measured on the clock. */
  durationMs: number;
}

/**
 * Runs up to `1 + retries` attempts, `retryDelayMs` apart, stopping at the first one
 * that is not down. Each attempt has its own timeout; `signal` (scheduler deadline or
 * shutdown) ends the whole run.
 */
export async function runAttempts(probe: Probe, config: ProbeCommon, clock: Clock, signal?: AbortSignal): Promise<AttemptsResult> {
  let attempts = 0;
  for (;;) {
    attempts++;
    const started = clock.now();
    const outcome = await runAttempt(probe, config, clock, signal);
    const durationMs = clock.now() - started;
    if (outcome.status !== 'down' || attempts > config.retries || signal?.aborted) return { outcome, attempts, durationMs };
    try {
      await clock.sleep(config.retryDelayMs, signal);
    } catch {
      return { outcome, attempts, durationMs };
    }
  }
}

/**
 * One attempt, bounded by the probe's timeout even if the probe ignores its signal:
 * the timer aborts the signal and settles the attempt as down at the same moment.
 */
async function runAttempt(probe: Probe, config: ProbeCommon, clock: Clock, outer?: AbortSignal): Promise<ProbeOutcome> {
  if (outer?.aborted) return { status: 'down', reason: abortReason(outer, config.timeoutMs) };
  // One signal with the outer abort forwarded by hand: `AbortSignal.any` links its signals
  // through WeakRefs, which minor GCs treat as strong, so every request listening on it
  // (socket, parser, buffers) outlived the young generation and piled up in old space.
  const controller = new AbortController();
  const { signal } = controller;
  const ctx = { signal, clock, timeoutMs: config.timeoutMs };
  let cancelTimer = () => {};
  let onOuterAbort = () => {};
  const stopped = new Promise<ProbeOutcome>((resolve) => {
    const settle = () => resolve({ status: 'down', reason: abortReason(signal, config.timeoutMs) });
    cancelTimer = clock.setTimer(config.timeoutMs, () => {
      controller.abort(timeoutError());
      settle();
    });
    onOuterAbort = () => {
      settle();
      controller.abort(outer?.reason);
    };
    outer?.addEventListener('abort', onOuterAbort, { once: true });
  });
  try {
    return await Promise.race([invoke(probe, ctx), stopped]);
  } finally {
    cancelTimer();
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

async function invoke(probe: Probe, ctx: Parameters<Probe['run']>[0]): Promise<ProbeOutcome> {
  try {
    return await probe.run(ctx);
  } catch (error) {
    // The contract says run() never throws; a probe that does still yields a clean reason.
    return { status: 'down', reason: errorReason(error) };
  }
}
