import type { AlertInstance } from '../alerts/alert-instance.js';
import type { DrillReport, VerificationReport } from '../backups/backup-service.js';
import type { ProbeResult, ProbeStatus } from '../probes/probe.js';

/** Every event guardia publishes, by name. */
export interface GuardiaEvents {
  /** An alert changed state (→ pending, → firing, → resolved; a pending alert that vanished is `resolved` with `firedAt: null`). */
  'alert:state': AlertInstance;
  /** A probe run finished (after retries). */
  'probe:result': ProbeResult;
  /** A probe's status changed. */
  'probe:state': { probeId: string; env: string; probe: string; from: ProbeStatus | 'unknown'; to: ProbeStatus; reason: string; at: number };
  /** A heartbeat ping arrived on /push. */
  'heartbeat:ping': { probeId: string; kind: 'success' | 'start' | 'fail'; exitStatus?: number; at: number };
  /** A scheduled job started, with how late it started. */
  'job:start': { jobId: string; scheduledAt: number; startedAt: number; lagMs: number };
  /** A scheduled job finished. */
  'job:finish': { jobId: string; startedAt: number; finishedAt: number; error?: unknown };
  /** A scheduled job was due while its previous run was still going, so this slot was skipped. */
  'job:overlap': { jobId: string; scheduledAt: number };
  /** A run exceeded its hard deadline and its slot was released. */
  'job:timeout': { jobId: string; startedAt: number };
  /** A backup of one database started (its lock is held). */
  'backup:started': { id: string; environment: string; database: string; at: number };
  /** A backup's manifest was written to every repository. */
  'backup:completed': { id: string; environment: string; database: string; startedAt: number; endedAt: number; rawBytes: number; storedBytes: number };
  /** A backup failed or was aborted; its partial files were removed. */
  'backup:failed': { id: string; environment: string; database: string; at: number; reason: string };
  /** A verification of a backup passed. */
  'backup:verified': VerificationReport;
  /** A verification of a backup failed. */
  'backup:verify_failed': VerificationReport;
  /** A disaster-recovery drill finished (passed or not). */
  'drill:completed': DrillReport;
}
