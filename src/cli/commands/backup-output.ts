import type { BackupDetails, BackupListing, DrillReport, Progress, RestoreReport, VerificationReport } from '../../backups/backup-service.js';
import type { RetentionDecision } from '../../backups/retention/retention.js';
import type { CliIo } from '../cli-io.js';
import { table } from '../output.js';

/** `1.5 MB`: sizes as people read them (powers of 1024). */
export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${n} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** `3.2s`, `4m12s`: how long something took. */
export function took(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return s < 3600 ? `${Math.floor(s / 60)}m${s % 60}s` : `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
}

/**
 * Progress on stderr: one line each time an operation enters a phase, so logs of CI runs stay
 * short; bytes and tables are shown as known at the phase's start.
 */
export function progressLines(io: CliIo): (progress: Progress) => void {
  let last = '';
  return (p) => {
    const key = `${p.operation} ${p.environment}/${p.database} ${p.phase}`;
    if (key === last) return;
    last = key;
    const detail = [p.totalBytes !== undefined ? bytes(p.totalBytes) : '', p.totalTables !== undefined ? `${p.totalTables} tables` : ''].filter(Boolean).join(', ');
    io.stderr(`${key}…${detail ? ` (${detail})` : ''}\n`);
  };
}

export function listingTable(list: readonly BackupListing[], withEnvironment: boolean): string[] {
  const head = ['ID', 'DATABASE', 'STARTED', 'SIZE', 'STATUS'];
  return table([
    withEnvironment ? ['ENV', ...head] : head,
    ...list.map((b) => {
      const row = [b.id, b.database, b.startedAt, bytes(b.storedBytes), b.status + (b.statusReason ? ` (${b.statusReason})` : '')];
      return withEnvironment ? [b.environment, ...row] : row;
    }),
  ]);
}

export function backupLine(b: BackupListing): string {
  const span = Date.parse(b.endedAt) - Date.parse(b.startedAt);
  const reason = b.statusReason ? ` (${b.statusReason})` : '';
  return `backed up ${b.environment}/${b.database}: ${b.id}, ${bytes(b.storedBytes)} stored (${bytes(b.rawBytes)} raw) in ${took(span)}, ${b.status}${reason}`;
}

export function detailLines(d: BackupDetails): string[] {
  const lines = [
    `${d.id}  ${d.environment}/${d.database}  ${d.status}${d.statusReason ? ` (${d.statusReason})` : ''}`,
    `started ${d.startedAt}, ended ${d.endedAt}`,
    `size ${bytes(d.storedBytes)} stored, ${bytes(d.rawBytes)} raw, ${d.manifest.files.length} files, ${d.manifest.tables.length} tables${d.encrypted ? ', encrypted' : ''}`,
    `server ${d.manifest.serverVersion}, pg_dump ${d.manifest.clientVersion}, compression ${d.manifest.compression}`,
    `repositories: ${d.repositories.join(', ')}`,
  ];
  if (d.rtoMs !== undefined) lines.push(`measured restore time: ${took(d.rtoMs)}`);
  for (const v of d.verifications) lines.push(`verification ${v.startedAt}: ${v.passed ? 'passed' : 'failed'}`);
  lines.push(`restore: ${d.restoreCommand}`);
  return lines;
}

export function checkLines(checks: VerificationReport['checks']): string[] {
  return checks.map((c) => `  ${c.passed ? 'ok  ' : 'FAIL'} ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
}

export function verificationLines(r: VerificationReport): string[] {
  return [`${r.passed ? 'verified' : 'verification FAILED'}: ${r.environment}/${r.database} ${r.backupId}, restored in ${took(r.restoreMs)}`, ...checkLines(r.checks)];
}

export function restoreLines(r: RestoreReport): string[] {
  const phases = r.streamed
    ? `data streamed in ${took(r.downloadMs)}, then indexes and constraints ${took(r.restoreMs)}`
    : `download ${took(r.downloadMs)}, restore ${took(r.restoreMs)}`;
  const lines = [`restored ${r.backupId} into ${r.target}${r.created ? ' (created)' : ''} in ${took(r.totalMs)} (${phases})`];
  if (r.globalsFile !== undefined) lines.push(`roles and tablespaces: ${r.globalsFile} (not applied: review, then psql -f)`);
  return lines;
}

export function pruneLines(decisions: readonly RetentionDecision[], dryRun: boolean): string[] {
  const deleted = decisions.filter((d) => !d.keep).length;
  return [
    ...table([['ID', 'STARTED', 'ACTION', 'REASONS'], ...decisions.map((d) => [d.id, d.startedAt, d.keep ? 'keep' : dryRun ? 'would delete' : 'deleted', d.reasons.join(', ')])]),
    `${dryRun ? 'would delete' : 'deleted'} ${deleted} of ${decisions.length} backups`,
  ];
}

export function drillLines(r: DrillReport): string[] {
  const objective = (ms: number | undefined) => (ms === undefined ? '' : ` (objective ${took(ms)})`);
  return [
    `drill ${r.passed ? 'passed' : 'FAILED'}: ${r.environment}/${r.database} from ${r.backupId}`,
    `RTO ${took(r.rtoMs)}${objective(r.rtoObjectiveMs)}, RPO ${took(r.rpoMs)}${objective(r.rpoObjectiveMs)}`,
    ...checkLines(r.checks),
    ...(r.reportFile ? [`report: ${r.reportFile}`] : []),
  ];
}
