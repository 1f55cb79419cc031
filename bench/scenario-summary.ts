import type { ScenarioResult } from './scenario-result.js';
import { median } from './internal/percentiles.js';

/** The figures of one scenario that the report judges and the final JSON line carries. */
export interface ScenarioSummary {
  scenario: string;
  /** Node flags of the guardia process, when any were given. */
  nodeFlags?: string[];
  probes: number;
  everySeconds: number;
  windowSeconds: number;
  /** How many runs the figures are medians of. */
  runs: number;
  probesPerSecond: number;
  expectedPerSecond: number;
  lagMs: { p50: number; p99: number; max: number };
  cpuPercentOfCore: number;
  rssPeakMb: number;
  bytesPerSample: { payload: number; storageEstimate: number; chunkPages: number; file: number; window: number; steadyState: number };
  down: number;
  degraded: number;
  statusStalestMs: number;
  overlaps: number;
  timeouts: number;
  logErrors: number;
}

/** The summary of one run. Peak RSS is the larger of the 100 ms samples and the kernel's VmHWM. */
export function summarize(result: ScenarioResult): ScenarioSummary {
  const { scenario, storage: s } = result;
  return {
    scenario: scenario.name,
    ...(scenario.nodeFlags ? { nodeFlags: scenario.nodeFlags } : {}),
    probes: scenario.probes,
    everySeconds: scenario.everyMs / 1_000,
    windowSeconds: result.window.seconds,
    runs: 1,
    probesPerSecond: result.probesPerSecond.achieved,
    expectedPerSecond: result.probesPerSecond.expected,
    lagMs: { p50: result.lagMs.p50, p99: result.lagMs.p99, max: result.lagMs.max },
    cpuPercentOfCore: result.cpu.percentOfCore,
    rssPeakMb: Math.max(result.memory.peakRssMb, result.memory.vmHwmMb),
    bytesPerSample: {
      payload: s.payloadPerSample,
      storageEstimate: s.storageEstimatePerSample,
      chunkPages: s.chunkPagesPerSample,
      file: s.filePerSample,
      window: s.windowPayloadPerSample,
      steadyState: s.steadyStatePerSample,
    },
    down: result.results.down,
    degraded: result.results.degraded,
    statusStalestMs: result.status.stalestMs,
    overlaps: result.overlaps,
    timeouts: result.timeouts,
    logErrors: result.logErrors,
  };
}

/** Field-wise medians of repeated runs of one scenario (the machine is noisy; one run proves little). */
export function medianSummary(runs: readonly ScenarioSummary[]): ScenarioSummary {
  const first = runs[0];
  if (!first) throw new Error('no runs to summarize');
  return { ...(medianOf(runs as unknown[]) as ScenarioSummary), scenario: first.scenario, runs: runs.length, ...(first.nodeFlags ? { nodeFlags: first.nodeFlags } : {}) };
}

/** Medians of every numeric leaf of structurally identical objects. */
function medianOf(values: unknown[]): unknown {
  const head = values[0];
  if (typeof head === 'number') return median(values as number[]);
  if (head === null || typeof head !== 'object') return head;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(head)) out[key] = medianOf(values.map((v) => (v as Record<string, unknown>)[key]));
  return out;
}
