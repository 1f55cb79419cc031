import type { ScenarioSummary } from './scenario-summary.js';
import { TARGETS, type Verdict } from './targets.js';

const fixed = (n: number, digits = 1) => n.toFixed(digits);

/**
 * Judges a summary against the targets. Bytes per sample is judged on the steady-state
 * figure: a window of minutes leaves chunks a few samples into their 120, so the
 * cumulative figures mostly measure how young the store is (they are printed too).
 */
export function judgeSummary(s: ScenarioSummary): Verdict[] {
  const throughputOk = s.probesPerSecond >= s.expectedPerSecond * 0.99;
  return [
    { name: 'throughput', pass: throughputOk, detail: `${fixed(s.probesPerSecond)} of ${fixed(s.expectedPerSecond)} probes/s` },
    { name: 'lag p99', pass: s.lagMs.p99 < TARGETS.lagP99Ms, detail: `${fixed(s.lagMs.p99)} ms < ${TARGETS.lagP99Ms} ms` },
    { name: 'cpu', pass: s.cpuPercentOfCore < TARGETS.cpuPercentOfCore, detail: `${fixed(s.cpuPercentOfCore)} % < ${TARGETS.cpuPercentOfCore} % of one core` },
    { name: 'rss', pass: s.rssPeakMb < TARGETS.rssMb, detail: `${fixed(s.rssPeakMb)} MB < ${TARGETS.rssMb} MB` },
    {
      name: 'bytes/sample',
      pass: s.bytesPerSample.steadyState <= TARGETS.bytesPerSample,
      detail: `${fixed(s.bytesPerSample.steadyState, 2)} B ≤ ${TARGETS.bytesPerSample} B (steady state)`,
    },
    { name: 'all up', pass: s.down === 0 && s.degraded === 0, detail: `${s.down} down, ${s.degraded} degraded` },
  ];
}
