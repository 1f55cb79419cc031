import type { AppendSample } from '../../tsdb/index.js';
import type { BackupListing } from '../backup-service.js';

/** The series guardia writes about backups, each labelled `{env, database}`. */
export const BACKUP_SERIES = {
  lastSuccess: { name: 'guardia_backup_last_success_timestamp_seconds', help: 'When the newest successful backup ended (Unix seconds).' },
  lastFailure: { name: 'guardia_backup_last_failure_timestamp_seconds', help: 'When the newest failed or interrupted backup ended (Unix seconds).' },
  duration: { name: 'guardia_backup_duration_seconds', help: 'How long the newest complete backup took.' },
  size: { name: 'guardia_backup_size_bytes', help: 'Stored size of the newest complete backup.' },
  verified: { name: 'guardia_backup_verified', help: 'Whether the newest complete backup was verified by a restore (1) or not yet or failed (0).' },
  rpo: { name: 'guardia_backup_rpo_seconds', help: 'Age of the newest verified backup: the data a disaster now would lose.' },
  verifyLastSuccess: { name: 'guardia_backup_verify_last_success_timestamp_seconds', help: 'When the newest passed verification ended (Unix seconds).' },
  verifyLastFailure: { name: 'guardia_backup_verify_last_failure_timestamp_seconds', help: 'When the newest failed verification ended (Unix seconds).' },
} as const;

/** What is known about one database's backups; absent facts write no sample. */
export interface DatabaseBackupFacts {
  environment: string;
  database: string;
  /** Complete backups, newest first (as `BackupService.list` returns them). */
  backups: readonly BackupListing[];
  /** Epoch ms. */
  lastSuccessMs?: number;
  lastFailureMs?: number;
  verifyLastSuccessMs?: number;
  verifyLastFailureMs?: number;
}

/**
 * The backup series of one database at `now` (epoch ms), as gauges. The RPO is measured from
 * the start of the newest verified backup (its snapshot); without one there is no RPO sample,
 * and `guardia_backup_verified` says so.
 */
export function backupSignals(facts: DatabaseBackupFacts, now: number): AppendSample[] {
  const labels = { env: facts.environment, database: facts.database };
  const samples: AppendSample[] = [];
  const add = (series: { name: string; help: string }, v: number | undefined) => {
    if (v !== undefined && Number.isFinite(v)) samples.push({ name: series.name, help: series.help, type: 'gauge', labels, t: now, v });
  };
  const newest = facts.backups[0];
  const newestVerified = facts.backups.find((b) => b.status === 'verified');
  const newestEnd = newest === undefined ? undefined : Date.parse(newest.endedAt);
  const lastSuccess = Math.max(facts.lastSuccessMs ?? -Infinity, newestEnd ?? -Infinity);
  add(BACKUP_SERIES.lastSuccess, Number.isFinite(lastSuccess) ? lastSuccess / 1000 : undefined);
  add(BACKUP_SERIES.lastFailure, seconds(facts.lastFailureMs));
  if (newest !== undefined) {
    add(BACKUP_SERIES.duration, (Date.parse(newest.endedAt) - Date.parse(newest.startedAt)) / 1000);
    add(BACKUP_SERIES.size, newest.storedBytes);
    add(BACKUP_SERIES.verified, newest.status === 'verified' ? 1 : 0);
  }
  if (newestVerified !== undefined) add(BACKUP_SERIES.rpo, Math.max(0, now - Date.parse(newestVerified.startedAt)) / 1000);
  add(BACKUP_SERIES.verifyLastSuccess, seconds(facts.verifyLastSuccessMs));
  add(BACKUP_SERIES.verifyLastFailure, seconds(facts.verifyLastFailureMs));
  return samples;
}

function seconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 1000;
}
