import type { ProbeStatus } from './probe.js';

/** The last known state of a probe (table `probe_state`), kept across restarts. */
export interface ProbeState {
  probeId: string;
  env: string;
  probe: string;
  kind: string;
  status: ProbeStatus;
  reason: string;
  /** When the current status began, epoch ms. */
  sinceMs: number;
  lastRunMs: number;
  durationMs: number;
}
