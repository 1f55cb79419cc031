import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EnvironmentView } from '../../src/http/index.js';
import type { TsdbStats } from '../../src/tsdb/index.js';
import type { Scenario } from '../scenario.js';
import type { ScenarioResult } from '../scenario-result.js';
import { type CpuMark, cpuMark, cpuShare } from './cpu-meter.js';
import { storageFigures } from './measure-storage.js';
import { median } from './percentiles.js';
import { PromotedAllocationSampler } from './promoted-sampler.js';
import { readVmHwmMb, type RssSampler } from './rss-sampler.js';
import { sleepUntil } from './sleep-until.js';
import type { RunningEngine } from './start-engine.js';

const MB = 1024 * 1024;
const NS_PER_MS = 1e6;
const STATS_LEAD_MS = 3_000;

/** What was sampled during the window, before the figures are derived. */
interface WindowSamples {
  start: number;
  end: number;
  marks: CpuMark[];
  statsBefore: TsdbStats;
  memory: ScenarioResult['memory'];
  loopDelay: ScenarioResult['eventLoopDelayMs'];
  /** The longest a published result waited unseen by the store, over the status reads. */
  stalestMs: number;
}

/**
 * Waits out the warm-up, then measures one window of `scenario.measureMs` starting
 * `warmupMs` after the scheduler started, with a CPU mark at every period boundary.
 * Runs (lag, results) count when they were due in the window; CPU, RSS and event-loop
 * delay are taken between the window's first and last marks.
 */
export async function measureWindow(
  engine: RunningEngine, scenario: Scenario, rss: RssSampler, heapProfileDir?: string,
): Promise<ScenarioResult> {
  const start = engine.startedAt + scenario.warmupMs;
  const end = start + scenario.measureMs;
  // Read before the window: the query scans every chunk row and is the bench's work, not guardia's.
  await sleepUntil(start - Math.min(STATS_LEAD_MS, scenario.warmupMs / 2));
  const statsBefore = await engine.guardia.tsdb.stats();
  await sleepUntil(start);
  const sampler = heapProfileDir === undefined ? undefined : new PromotedAllocationSampler();
  await sampler?.start();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  rss.markWindow();
  const marks: CpuMark[] = [cpuMark()];
  let stalestMs = 0;
  for (let at = start + scenario.everyMs, k = 0; at < end; at += scenario.everyMs, k++) {
    // Read as `guardia status` would, at a different phase of the 1 s state flush each period.
    await sleepUntil(at - 1_000 + ((k * 379) % 1_000));
    stalestMs = Math.max(stalestMs, await unstoredFor(engine));
    await sleepUntil(at);
    marks.push(cpuMark());
  }
  await sleepUntil(end);
  marks.push(cpuMark());
  loop.disable();
  rss.stop();
  // Frozen here: what follows (final flush, size queries) is the bench's, not the workload's.
  const memory = {
    peakRssMb: rss.peakMb, peakRssAtS: (rss.peakAt - engine.startedAt) / 1_000, peakRssInWindowMb: rss.windowPeakMb,
    vmHwmMb: readVmHwmMb(), ...heapFigures(), rssBySecondMb: [...rss.bySecondMb].map((mb) => mb ?? 0),
  };
  const loopDelay = { p50: loop.percentile(50) / NS_PER_MS, p99: loop.percentile(99) / NS_PER_MS, max: loop.max / NS_PER_MS };
  const result = await figures(engine, scenario, { start, end, marks, statsBefore, memory, loopDelay, stalestMs });
  if (sampler && heapProfileDir !== undefined) {
    mkdirSync(heapProfileDir, { recursive: true });
    const file = join(heapProfileDir, `${scenario.name}-${new Date(start).toISOString().replace(/[:.]/g, '-')}.heapprofile`);
    result.promoted = { file, top: await sampler.stop(file) };
  }
  return result;
}

async function figures(engine: RunningEngine, scenario: Scenario, w: WindowSamples): Promise<ScenarioResult> {
  const { guardia, recorder } = engine;
  const status = statusCounts(await guardia.services.status.environments(), w.stalestMs);
  await guardia.tsdb.flush();
  const statsAfter = await guardia.tsdb.stats();
  const whole = cpuShare(w.marks[0] as CpuMark, w.marks[w.marks.length - 1] as CpuMark);
  const periods = w.marks.slice(1).map((mark, i) => cpuShare(w.marks[i] as CpuMark, mark).total);
  const seconds = scenario.measureMs / 1_000;
  const results = recorder.results(w.start, w.end);
  return {
    scenario,
    window: { start: w.start, end: w.end, seconds },
    configLoadMs: engine.configLoadMs,
    openMs: engine.openMs,
    probesPerSecond: { achieved: results.total / seconds, expected: scenario.probes / (scenario.everyMs / 1_000) },
    results,
    lagMs: recorder.lag(w.start, w.end),
    eventLoopDelayMs: w.loopDelay,
    upkeep: recorder.upkeepIn(w.start, w.end),
    overlaps: recorder.overlaps(w.start, w.end),
    timeouts: recorder.timeouts(w.start, w.end),
    cpu: { percentOfCore: whole.total, medianPeriodPercent: median(periods), periodPercents: periods, userPercent: whole.user, systemPercent: whole.system },
    memory: w.memory,
    storage: await storageFigures(guardia.store, engine.storePath, w.statsBefore, statsAfter),
    status,
    logErrors: engine.logErrors(),
  };
}

function heapFigures(): Pick<ScenarioResult['memory'], 'heapUsedMb' | 'heapTotalMb' | 'externalMb'> {
  const m = process.memoryUsage();
  return { heapUsedMb: m.heapUsed / MB, heapTotalMb: m.heapTotal / MB, externalMb: m.external / MB };
}

/** Probe states as `guardia status` shows them. */
function statusCounts(environments: EnvironmentView[], stalestMs: number): ScenarioResult['status'] {
  const counts = { up: 0, degraded: 0, down: 0, unknown: 0, stalestMs };
  for (const env of environments) for (const probe of env.probes) counts[probe.status]++;
  return counts;
}

/**
 * Reads the states as `guardia status` does and returns how long the oldest result
 * published before the read had waited without being in the store: how late a result
 * becomes visible to `guardia status` in another process.
 */
async function unstoredFor(engine: RunningEngine): Promise<number> {
  const readAt = Date.now();
  const published = new Map([...engine.recorder.lastResults].map(([id, r]) => [id, { ...r }]));
  let stalest = 0;
  for (const env of await engine.guardia.services.status.environments()) {
    for (const probe of env.probes) {
      const newest = published.get(probe.id);
      if (!newest || (probe.lastRun !== null && probe.lastRun >= newest.at)) continue;
      stalest = Math.max(stalest, readAt - newest.publishedAt);
    }
  }
  return stalest;
}
