/** Where a release is in its life. */
export type ReleaseStatus = 'pending_approval' | 'running' | 'watching' | 'succeeded' | 'failed' | 'rolled_back' | 'cancelled' | 'interrupted';

/** Statuses a release never leaves. */
export const FINAL_STATUSES: readonly ReleaseStatus[] = ['succeeded', 'failed', 'rolled_back', 'cancelled', 'interrupted'];

/** One step as run: status, timings and the last lines of its output. */
export interface StepRecord {
  name: string;
  kind: string;
  /** `steps` of the release, or `rollback`. */
  phase: 'steps' | 'rollback';
  status: 'running' | 'succeeded' | 'failed' | 'skipped';
  startedAt: number;
  endedAt?: number;
  /** Up to the last 40 lines, secrets redacted. */
  output: string[];
  error?: string;
}

/** One approval of a release. */
export interface Approval {
  by: string;
  at: number;
}

/** A release (or a rollback) of one environment, as the store keeps it. */
export interface ReleaseRecord {
  id: string;
  env: string;
  version: string;
  previousVersion: string | null;
  kind: 'release' | 'rollback';
  status: ReleaseStatus;
  initiator: string;
  /** `pid@host (…)` of the process running it, while it runs. */
  holder: string | null;
  /** The resolved `release:` config it runs with, secrets redacted. */
  config: unknown;
  steps: StepRecord[];
  approvals: Approval[];
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** Why it ended, was refused, or what it overrode. */
  reason: string | null;
}
