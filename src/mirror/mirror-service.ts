import type { MaskReport } from './masking/mask-database.js';
import type { PersonalColumn } from './coverage/find-personal-columns.js';

/**
 * What the CLI (and later the API) asks of staging mirrors: a masked copy of another
 * environment's newest verified backup, swapped into the target database only once it is
 * masked and seeded. Never writes into a production-tier environment. Works standalone on
 * the store; two mirrors into one environment never overlap (a lock in the store).
 * Failures throw guardia errors: `RefusedError` (production target, uncovered columns,
 * non-empty target without `yes`), `NotFoundError` (no mirror config, no verified backup),
 * `MirrorFailedError` (a phase failed; the target is untouched), `UnavailableError` (exit 3),
 * `LockedError`, `UsageError` (a source other than `mirror.from`).
 */
export interface MirrorService {
  /** Restores, checks coverage, masks, seeds and swaps into `to`; returns the record. */
  mirror(from: string, to: string, options?: MirrorOptions): Promise<MirrorRecord>;
  /** Personal-looking columns of the newest verified backup of `from` that `to`'s rules leave unmasked. */
  check(from: string, to: string, options?: Omit<MirrorOptions, 'yes'>): Promise<CoverageReport>;
  /** Past mirrors into `to`, newest first. */
  list(to: string, options?: { limit?: number }): Promise<MirrorRecord[]>;
}

export interface MirrorOptions {
  /** Replace a non-empty target database. */
  yes?: boolean;
  /** age identity file for an encrypted backup (else `BACKUP_AGE_IDENTITY_FILE`, else the source's verify identity). */
  identityFile?: string;
  signal?: AbortSignal;
  onProgress?: (progress: MirrorProgress) => void;
}

/** A long phase starting: `restore`, `check`, `mask`, `seed`, `swap`. */
export interface MirrorProgress {
  phase: 'restore' | 'check' | 'mask' | 'seed' | 'swap';
  /** e.g. `backup 20261122T020000Z-3f9a into app_staging_mirror_1a2b`. */
  detail: string;
}

export type MirrorStatus = 'running' | 'succeeded' | 'failed' | 'interrupted';

/** One mirror as recorded in the store. */
export interface MirrorRecord {
  id: string;
  from: string;
  to: string;
  backupId: string;
  status: MirrorStatus;
  /** Rule keys as written (`users.email: email`, `audit_log: truncate`). */
  rules: string[];
  /** Absolute paths, in the order they ran. */
  seedFiles: string[];
  masked?: MaskReport;
  startedAt: string;
  endedAt?: string;
  durationMs?: number;
  error?: string;
}

export interface CoverageReport {
  from: string;
  to: string;
  backupId: string;
  uncovered: PersonalColumn[];
}
