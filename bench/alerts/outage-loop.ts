import { performance } from 'node:perf_hooks';
import type { AlertBenchOptions } from './alert-bench-options.js';
import type { Receiver, SwitchableTarget } from './bench-servers.js';

/** What one outage took to be notified (ms), or null when the notification never came. */
export interface OutageTiming {
  /** Pause before this outage, which places its start at a random point of the probe period. */
  pauseMs: number;
  /** How long the target stayed down after the firing notification arrived. */
  holdMs: number;
  detectionMs: number | null;
  resolveMs: number | null;
}

/**
 * Causes `options.outages` outages one after another: after a random pause (so the moment the
 * target goes down falls anywhere in the probe period), switches the target down and times the
 * firing notification, keeps it down a random while longer, then switches it up and times the
 * resolve. Each outage starts right after the previous resolve, well within any `group_interval`,
 * so each one checks that a new firing after a resolve is sent at once.
 */
export async function runOutages(options: AlertBenchOptions, target: SwitchableTarget, receiver: Receiver, log: (line: string) => void): Promise<OutageTiming[]> {
  const random = seededRandom(options.seed);
  const timings: OutageTiming[] = [];
  for (let i = 0; i < options.outages; i++) {
    const pauseMs = Math.round(1_000 + random() * options.everyMs);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const from = receiver.arrivals.length;
    target.setHealthy(false);
    const downAt = performance.now();
    const firing = await receiver.next('firing', from, options.waitMs);
    // Outages of random length, so the recovery too falls anywhere in the probe period.
    const holdMs = Math.round(random() * options.everyMs);
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    target.setHealthy(true);
    const upAt = performance.now();
    const resolved = await receiver.next('resolved', from, options.waitMs);
    const timing = { pauseMs, holdMs, detectionMs: firing ? round(firing.at - downAt) : null, resolveMs: resolved ? round(resolved.at - upAt) : null };
    timings.push(timing);
    log(`outage ${String(i + 1).padStart(3)}/${options.outages}: firing after ${show(timing.detectionMs)}, resolved after ${show(timing.resolveMs)}`);
  }
  return timings;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function show(ms: number | null): string {
  return ms === null ? 'MISSED' : `${(ms / 1_000).toFixed(2)} s`;
}

/** mulberry32: a small deterministic PRNG in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
