import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EnvironmentView } from '../../src/http/index.js';
import type { TsdbStats } from '../../src/tsdb/index.js';
import type { Scenario } from '../scenario.js';
import type { ScenarioResult } from '../scenario-result.js';
import { type CpuMark, cpuMark, cpuShare } from './cpu-meter.js';
import { storageFigures } from './measure-storage.js';
import { median } from './percentiles.js';
import { readVmHwmMb, type RssSampler } from './rss-sampler.js';
import { sleepUntil } from './sleep-until.js';
import type { RunningEngine } from './start-engine.js';

const MB = 1024 * 1024;
const NS_PER_MS = 1e6;

/** What was sampled during the window, before the figures are derived. */
interface WindowSamples {
  start: number;
  end: number;
  marks: CpuMark[];
  statsBefore: TsdbStats;
  windowPeakRssMb: number;
  loopDelay: ScenarioResult['eventLoopDelayMs'];
}

/**
 * Waits out the warm-up, then measures one window of `scenario.measureMs` starting
 * `warmupMs` after the scheduler started, with a CPU mark at every period boundary.
 * Runs (lag, results) count when they were due in the window; CPU, RSS and event-loop
 * delay are taken between the window's first and last marks.
 */
export async function measureWindow(engine: RunningEngine, scenario: Scenario, rss: RssSampler): Promise<ScenarioResult> {
  const start = engine.startedAt + scenario.warmupMs;
  const end = start + scenario.measureMs;
  await sleepUntil(start);
  // Read before the first mark so that the query is not counted as guardia's work.
  const statsBefore = await engine.guardia.tsdb.stats();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  rss.markWindow();
  const marks: CpuMark[] = [cpuMark()];
  for (let at = start + scenario.everyMs; at < end; at += scenario.everyMs) {
    await sleepUntil(at);
    marks.push(cpuMark());
  }
  await sleepUntil(end);
  marks.push(cpuMark());
  loop.disable();
  const loopDelay = { p50: loop.percentile(50) / NS_PER_MS, p99: loop.percentile(99) / NS_PER_MS, max: loop.max / NS_PER_MS };
  return figures(engine, scenario, rss, { start, end, marks, statsBefore, windowPeakRssMb: rss.windowPeakMb, loopDelay });
}

async function figures(engine: RunningEngine, scenario: Scenario, rss: RssSampler, w: WindowSamples): Promise<ScenarioResult> {
  const { guardia, recorder } = engine;
  const status = statusFigures(await guardia.services.status.environments(), recorder.lastResultAt);
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
    memory: { peakRssMb: rss.peakMb, peakRssInWindowMb: w.windowPeakRssMb, vmHwmMb: readVmHwmMb(), heapUsedMb: process.memoryUsage().heapUsed / MB },
    storage: await storageFigures(guardia.store, engine.storePath, w.statsBefore, statsAfter),
    status,
    logErrors: engine.logErrors(),
  };
}

/**
 * Counts as `guardia status` shows them, and how far the stored state trails the newest
 * result the engine published: the delay before a result is visible to `guardia status`.
 */
function statusFigures(environments: EnvironmentView[], lastResultAt: ReadonlyMap<string, number>): ScenarioResult['status'] {
  const counts = { up: 0, degraded: 0, down: 0, unknown: 0, stalestMs: 0 };
  const now = Date.now();
  for (const env of environments) {
    for (const probe of env.probes) {
      counts[probe.status]++;
      const published = lastResultAt.get(probe.id);
      if (published === undefined) continue;
      const stale = probe.lastRun === null ? now - published : published - probe.lastRun;
      if (stale > counts.stalestMs) counts.stalestMs = stale;
    }
  }
  return counts;
}
