import { percentile, sortedCopy } from '../internal/percentiles.js';
import type { Arrival } from './bench-servers.js';
import type { OutageTiming } from './outage-loop.js';

/** The issue's target for the firing notification's p99, at a 5 s probe interval. */
export const TARGET_P99_MS = 8_000;
/** The latency contract: a critical alert's first notification within probe interval + 3 s. */
export const CONTRACT_SLACK_MS = 3_000;

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  missed: number;
}

export interface AlertBenchSummary {
  outages: number;
  everyMs: number;
  detection: LatencySummary;
  resolve: LatencySummary;
  /** Notifications beyond one firing and one resolve per outage. */
  extraNotifications: number;
  logErrors: number;
  pass: Record<'detectionP99' | 'contract' | 'resolves' | 'noneMissed' | 'noDuplicates' | 'logClean', boolean>;
}

/** Percentiles of the timings and the verdicts against the targets. */
export function summarizeAlertBench(timings: OutageTiming[], arrivals: Arrival[], everyMs: number, logErrors: number): AlertBenchSummary {
  const detection = latency(timings.map((t) => t.detectionMs));
  const resolve = latency(timings.map((t) => t.resolveMs));
  const contractMs = everyMs + CONTRACT_SLACK_MS;
  const extraNotifications = Math.max(0, arrivals.length - 2 * timings.length);
  return {
    outages: timings.length,
    everyMs,
    detection,
    resolve,
    extraNotifications,
    logErrors,
    pass: {
      detectionP99: detection.p99 <= TARGET_P99_MS,
      contract: detection.max <= contractMs,
      resolves: resolve.max <= contractMs,
      noneMissed: detection.missed === 0 && resolve.missed === 0,
      noDuplicates: extraNotifications === 0,
      logClean: logErrors === 0,
    },
  };
}

/** The report lines of a summary. */
export function formatAlertBench(s: AlertBenchSummary): string {
  const sec = (ms: number) => `${(ms / 1_000).toFixed(2)} s`;
  const line = (l: LatencySummary) => `p50 ${sec(l.p50)}, p99 ${sec(l.p99)}, max ${sec(l.max)}${l.missed ? `, ${l.missed} MISSED` : ''}`;
  const contract = sec(s.everyMs + CONTRACT_SLACK_MS);
  const verdict = (ok: boolean, what: string) => `  ${ok ? 'PASS' : 'FAIL'}  ${what}`;
  return [
    `── alert latency: ${s.outages} outages, probe every ${sec(s.everyMs)} `.padEnd(96, '─'),
    `detection     target down → firing notification received: ${line(s.detection)}`,
    `resolve       target up → resolved notification received: ${line(s.resolve)}`,
    `notifications ${s.extraNotifications} beyond one firing and one resolve per outage; ${s.logErrors} error lines in guardia's log`,
    'verdict',
    verdict(s.pass.detectionP99, `detection p99 ${sec(s.detection.p99)} ≤ ${sec(TARGET_P99_MS)}`),
    verdict(s.pass.contract, `every firing within probe interval + 3 s (${contract}): max ${sec(s.detection.max)}`),
    verdict(s.pass.resolves, `every resolve within ${contract}: max ${sec(s.resolve.max)}`),
    verdict(s.pass.noneMissed, 'no outage or resolve left unnotified'),
    verdict(s.pass.noDuplicates, 'no duplicate notifications'),
    verdict(s.pass.logClean, 'no errors in the log'),
  ].join('\n');
}

function latency(values: (number | null)[]): LatencySummary {
  const seen = values.filter((v): v is number => v !== null);
  const sorted = sortedCopy(seen);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0, missed: values.length - seen.length };
}
