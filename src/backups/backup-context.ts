import type { Clock } from '../clock/index.js';
import type { BackupsConfig } from '../config/resolved-backup-config.js';
import type { ProbeConfig } from '../config/resolved-config.js';
import type { ArchiveCodec, ArchiveCodecOptions } from './archive/archive-codec.js';
import type { DrillReport, Progress, VerificationReport } from './backup-service.js';
import type { PgAdmin } from './pg/pg-admin.js';
import type { PgTools } from './pg/pg-tools.js';
import type { Repository } from './repository/repository.js';

/**
 * Everything restore, verify and drill need about one environment's backups, built once per
 * operation by the service (`create-backup-service.ts`) from the resolved config:
 *
 *     const ctx: BackupContext = {
 *       clock, dataDir, environment: env.name, config: env.backups, probes: env.probes,
 *       repositories: env.backups.repositories.map(createRepository),
 *       createCodec: createArchiveCodec, pgTools, pgAdmin: createPgAdmin(),
 *       records, onProgress: options.onProgress, signal: options.signal,
 *     };
 *
 * The operations never close the repositories: whoever built them does.
 */
export interface BackupContext {
  clock: Clock;
  /** guardia's data directory: scratch space under `<dataDir>/restore/`, drill reports under `<dataDir>/drills/`. */
  dataDir: string;
  /** The environment's name. */
  environment: string;
  config: BackupsConfig;
  /** One per `config.repositories`, same order. */
  repositories: Repository[];
  createCodec(options: ArchiveCodecOptions): Promise<ArchiveCodec>;
  pgTools: PgTools;
  pgAdmin: PgAdmin;
  /** The environment's probes: drills run its `postgres` and `sql` ones (or `config.drill.smoke`) once against the restored database. */
  probes: readonly ProbeConfig[];
  /** Where verifications and drills are recorded; undefined: the caller records the returned report. */
  records?: BackupOutcomeRecords;
  /** Environment read for `BACKUP_AGE_IDENTITY_FILE` (default: this process's). */
  env?: Record<string, string | undefined>;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** The part of the store's backup records that verify and drill write to. */
export interface BackupOutcomeRecords {
  recordVerification(report: VerificationReport, kind?: 'verify' | 'drill'): Promise<void>;
  recordDrill(report: DrillReport): Promise<void>;
}
