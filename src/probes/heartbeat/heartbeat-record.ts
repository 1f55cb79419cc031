import type { ProbeConfig } from '../../config/resolved-config.js';

/** A heartbeat probe's resolved config. */
export type HeartbeatProbeConfig = Extract<ProbeConfig, { kind: 'heartbeat' }>;

/** What a push to `/push/<token>[/start|/fail|/<exit status>]` reports. */
export type PingKind = 'success' | 'start' | 'fail';

/** The stored state of one heartbeat (table `heartbeat`). */
export interface HeartbeatRecord {
  probeId: string;
  token: string;
  /** When guardia first knew the heartbeat; the reference before any ping. */
  createdMs: number;
  /** Last finishing ping (`success` or `fail`). */
  lastPingMs?: number;
  lastStartMs?: number;
  lastKind?: 'success' | 'fail';
  lastExitStatus?: number;
}

/** One ping of the history (table `heartbeat_ping`). */
export interface HeartbeatPing {
  kind: PingKind;
  exitStatus?: number;
  atMs: number;
}
