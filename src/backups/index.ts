export type {
  BackupDetails, BackupListing, BackupService, BackupStatus, BackupTarget, CheckResult, DrillReport, OperationOptions, Progress,
  RestoreOptions, RestoreReport, RunningOperation, VerificationReport,
} from './backup-service.js';
export type { BackupManifest, ManifestFile, ManifestTable } from './manifest.js';
export { createBackupService, type BackupServiceDeps, type LocalBackupService } from './create-backup-service.js';
export { defaultBackupTools, type BackupTools } from './backup-tools.js';
export { BackupRecords, type RunOperation, type RunRecord, type RunStatus } from './backup-records.js';
export type { RetentionDecision } from './retention/retention.js';
export { BackupSignalPublisher, BACKUP_SIGNALS_TARGET, type BackupHistory } from './signals/backup-signal-publisher.js';
export { BACKUP_SERIES, backupSignals } from './signals/backup-signals.js';
export { backupAlertRules } from './signals/backup-alert-rules.js';
