import type { RetentionPolicy } from '../../config/resolved-backup-config.js';

/** What the retention planner needs to know about one complete backup. */
export interface RetentionCandidate {
  id: string;
  /** Epoch ms of the backup's start. */
  startedAt: number;
  verified: boolean;
}

/** The plan for one backup: kept (with every reason) or deleted. */
export interface RetentionDecision {
  id: string;
  startedAt: string;
  keep: boolean;
  /** e.g. `last 3`, `daily 2026-11-21`, `weekly 2026-W47`, `monthly 2026-11`, `newest verified`, `minimum 2`. */
  reasons: string[];
}

/** Plans retention: pure, deterministic, never deletes the newest verified backup. */
export type PlanRetention = (candidates: readonly RetentionCandidate[], policy: RetentionPolicy, options: { timeZone?: string }) => RetentionDecision[];
