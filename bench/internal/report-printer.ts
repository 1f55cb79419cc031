import { formatDuration } from '../../src/config/index.js';
import type { ScenarioResult } from '../scenario-result.js';
import type { ScenarioSummary } from '../scenario-summary.js';
import type { Verdict } from '../targets.js';

const n = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** The report block of one run of a scenario. */
export function formatResult(r: ScenarioResult): string {
  const { scenario: sc, storage: st, cpu, memory: mem } = r;
  const periods = r.window.seconds / (sc.everyMs / 1_000);
  const jitter = sc.jitterMs === undefined ? "guardia's default jitter" : `jitter ${formatDuration(sc.jitterMs)}`;
  const flags = sc.nodeFlags?.length ? `, node ${sc.nodeFlags.join(' ')}` : '';
  const bytes = (label: string, value: number, what: string) => `  ${label.padEnd(17)}${n(value, 2).padStart(7)} B/sample  ${what}`;
  return [
    `── ${sc.name}: ${int(sc.probes)} http probes every ${formatDuration(sc.everyMs)} (${jitter}${flags}) `.padEnd(96, '─'),
    `window        ${n(r.window.seconds, 0)} s = ${n(periods, 1)} periods, after a ${formatDuration(sc.warmupMs)} warm-up; loadConfig ${int(r.configLoadMs)} ms, openGuardia ${int(r.openMs)} ms`,
    `throughput    ${n(r.probesPerSecond.achieved)} probes/s of ${n(r.probesPerSecond.expected)} expected (${int(r.results.total)} results: ${int(r.results.up)} up, ${r.results.degraded} degraded, ${r.results.down} down)`,
    `lag           p50 ${n(r.lagMs.p50)} ms, p99 ${n(r.lagMs.p99)} ms, max ${n(r.lagMs.max)} ms over ${int(r.lagMs.runs)} probe runs due in the window; ${r.overlaps} overlaps, ${r.timeouts} timeouts`,
    `event loop    delay p50 ${n(r.eventLoopDelayMs.p50)} ms, p99 ${n(r.eventLoopDelayMs.p99)} ms, max ${n(r.eventLoopDelayMs.max)} ms; ${r.upkeep.map((u) => `${u.job.replace('guardia:', '')} p50 ${int(u.p50)} ms, max ${int(u.max)} ms (${u.runs} runs)`).join('; ')}`,
    `cpu           ${n(cpu.percentOfCore)} % of one core over the window (user ${n(cpu.userPercent)}, system ${n(cpu.systemPercent)}); per period median ${n(cpu.medianPeriodPercent)} %, range ${n(Math.min(...cpu.periodPercents))}–${n(Math.max(...cpu.periodPercents))} %`,
    `memory        peak RSS ${n(mem.peakRssMb)} MB at ${n(mem.peakRssAtS, 0)} s (sampled every 100 ms, whole run; ${n(mem.peakRssInWindowMb)} MB in the window), VmHWM ${n(mem.vmHwmMb)} MB, at the end heap ${n(mem.heapUsedMb)} of ${n(mem.heapTotalMb)} MB, external ${n(mem.externalMb)} MB`,
    `tsdb          ${int(st.series)} series, ${int(st.rawSamples)} raw samples in ${int(st.rawChunks)} chunks (${n(st.samplesPerChunk)} samples each of ${st.chunkCapacity} when full)`,
    bytes('payload', st.payloadPerSample, 'encoded chunk payloads (stats().rawBytes)'),
    bytes('storage estimate', st.storageEstimatePerSample, "payloads + the tsdb's per-chunk-row estimate (stats().rawStorageBytes)"),
    bytes('chunk pages', st.chunkPagesPerSample, 'pages of tsdb_chunk and its indexes, free space inside included (dbstat)'),
    bytes('sqlite file', st.filePerSample, `db + WAL = ${n(st.fileBytes / 1024 / 1024)} MB: also series rows, probe and job state, free pages, WAL frames`),
    bytes('window growth', st.windowPayloadPerSample, 'payload bytes the window added per sample it added'),
    bytes('steady state', st.steadyStatePerSample, `window growth + one chunk row's overhead per ${st.chunkCapacity}-sample chunk`),
    `status        as \`guardia status\` reads the store: ${r.status.up} up, ${r.status.degraded} degraded, ${r.status.down} down, ${r.status.unknown} unknown; results reach the store within ${int(r.status.stalestMs)} ms of being published`,
    ...(r.results.sampleDownReasons.length > 0 ? [`down reasons  ${r.results.sampleDownReasons.join(' | ')}`] : []),
    ...(r.promoted ? [`promoted      ${r.promoted.file}`, ...r.promoted.top.map((line) => `  ${line}`)] : []),
    `log           ${r.logErrors} error lines`,
  ].join('\n');
}

/** The verdict lines of a (median) summary. */
export function formatVerdicts(summary: ScenarioSummary, verdicts: readonly Verdict[]): string {
  const title = summary.runs > 1 ? `verdict (medians of ${summary.runs} runs)` : 'verdict';
  const lines = verdicts.map((v) => `  ${v.pass ? 'PASS' : 'FAIL'}  ${v.name.padEnd(13)}${v.detail}`);
  return [title, ...lines].join('\n');
}
