import { median } from '../internal/percentiles.js';
import type { Contender } from './contender.js';

/** The targets: guardia's backup against `pg_dump | gzip`, its restore against `gunzip | psql`. */
export const TARGETS = { backupRatio: 0.5, restoreRatio: 0.85 } as const;

/** What the runs of one contender measured; a failed run adds an error instead of a time. */
export interface ContenderRuns {
  contender: Pick<Contender, 'id' | 'label' | 'kind' | 'role'>;
  seconds: number[];
  bytes: number[];
  /** What each successful run printed on stdout (guardia reports its own timings), when it printed anything. */
  printed: string[];
  errors: string[];
}

export interface ContenderSummary {
  id: string;
  label: string;
  kind: 'backup' | 'restore';
  role?: string;
  runs: number;
  failed: number;
  /** Median of the successful runs; undefined when none succeeded. */
  medianSeconds?: number;
  minSeconds?: number;
  maxSeconds?: number;
  /** Median output size of a backup. */
  bytes?: number;
  errors: string[];
}

export interface Verdict {
  name: string;
  pass: boolean;
  detail: string;
}

/** Medians and ranges of every contender's runs. */
export function summarizeRuns(all: readonly ContenderRuns[]): ContenderSummary[] {
  return all.map(({ contender, seconds, bytes, errors }) => ({
    id: contender.id,
    label: contender.label,
    kind: contender.kind,
    ...(contender.role ? { role: contender.role } : {}),
    runs: seconds.length + errors.length,
    failed: errors.length,
    ...(seconds.length > 0 ? { medianSeconds: median(seconds), minSeconds: Math.min(...seconds), maxSeconds: Math.max(...seconds) } : {}),
    ...(bytes.length > 0 ? { bytes: median(bytes) } : {}),
    errors,
  }));
}

/**
 * Judges every guardia contender against the baseline of its kind: a backup must take at
 * most half the time of `pg_dump | gzip` and write no more bytes; a restore at most 0.85 of
 * `gunzip | psql`. A contender with a failed run fails. No guardia contenders, no verdicts.
 */
export function judgeRuns(summaries: readonly ContenderSummary[]): Verdict[] {
  const baselineBackup = summaries.find((s) => s.role === 'baseline-backup');
  const baselineRestore = summaries.find((s) => s.role === 'baseline-restore');
  const verdicts: Verdict[] = [];
  for (const s of summaries) {
    if (s.role === 'guardia-backup') {
      verdicts.push(ratioVerdict(s, baselineBackup, TARGETS.backupRatio));
      const bytesOk = s.bytes !== undefined && baselineBackup?.bytes !== undefined && s.bytes <= baselineBackup.bytes;
      verdicts.push({
        name: `${s.label}: size`,
        pass: bytesOk && s.failed === 0,
        detail: `${mb(s.bytes)} ≤ ${mb(baselineBackup?.bytes)} of ${baselineBackup?.label ?? 'the baseline'}`,
      });
    }
    if (s.role === 'guardia-restore') verdicts.push(ratioVerdict(s, baselineRestore, TARGETS.restoreRatio));
  }
  return verdicts;
}

/** `a / b` of median times; undefined when either is missing. */
export function timeRatio(a: ContenderSummary | undefined, b: ContenderSummary | undefined): number | undefined {
  if (a?.medianSeconds === undefined || b?.medianSeconds === undefined || b.medianSeconds === 0) return undefined;
  return a.medianSeconds / b.medianSeconds;
}

function ratioVerdict(s: ContenderSummary, baseline: ContenderSummary | undefined, target: number): Verdict {
  const ratio = timeRatio(s, baseline);
  const failures = s.failed > 0 ? `; ${s.failed} of ${s.runs} runs failed` : '';
  return {
    name: `${s.label}: time`,
    pass: ratio !== undefined && ratio <= target && s.failed === 0,
    detail: `${ratio === undefined ? 'n/a' : ratio.toFixed(2)}× ${baseline?.label ?? 'the baseline'} (target ≤ ${target})${failures}`,
  };
}

/** The result table and the verdict lines. */
export function formatBackupBench(summaries: readonly ContenderSummary[], verdicts: readonly Verdict[], repeat: number): string {
  const width = Math.max(...summaries.map((s) => s.label.length), 10);
  const sec = (n: number | undefined) => (n === undefined ? 'failed' : n.toFixed(1));
  const rows = summaries.map((s) =>
    [
      s.label.padEnd(width),
      sec(s.medianSeconds).padStart(8),
      (s.minSeconds === undefined ? '' : `${sec(s.minSeconds)}–${sec(s.maxSeconds)}`).padStart(13),
      (s.kind === 'backup' ? mb(s.bytes) : '').padStart(10),
      s.failed > 0 ? `  ${s.failed} failed: ${s.errors[0]?.split('\n').slice(-1)[0] ?? ''}` : '',
    ].join('  '),
  );
  return [
    `${'command'.padEnd(width)}  ${'median s'.padStart(8)}  ${'range s'.padStart(13)}  ${'output'.padStart(10)}   (${repeat} runs each)`,
    ...rows,
    ...(verdicts.length > 0 ? ['verdict', ...verdicts.map((v) => `  ${v.pass ? 'PASS' : 'FAIL'}  ${v.name}: ${v.detail}`)] : []),
  ].join('\n');
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`;
}
