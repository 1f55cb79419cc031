import type { ProbeConfig } from '../../resolved-config.js';

/** A resolved release step; `name` is what output and the record show. */
export type ReleaseStepConfig =
  | { kind: 'run'; name: string; run: string; timeoutMs: number }
  | { kind: 'http'; name: string; http: HttpStepConfig }
  | { kind: 'backup'; name: string }
  | { kind: 'migrate'; name: string; dir?: string }
  | { kind: 'smoke'; name: string; probes: ProbeConfig[] }
  | { kind: 'wait_healthy'; name: string; probes: string[]; consecutive: number; everyMs: number; timeoutMs: number };

/** A deploy hook call, optionally polled until a status says done. */
export interface HttpStepConfig {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  poll?: { url: string; untilStatus?: number; untilJson?: Record<string, unknown>; everyMs: number; timeoutMs: number };
}

/** A freeze window: repeating from each cron time for `forMs`, or once between two times. */
export type FreezeWindowConfig =
  | { cron: string; forMs: number; reason?: string }
  | { fromMs: number; toMs: number; reason?: string };

/** `release:` of one environment with defaults applied. */
export interface ReleaseConfig {
  /** Regex source of allowed versions. */
  versions: string;
  requires?: string;
  approval?: { approvers: number; expiresMs: number };
  freeze: FreezeWindowConfig[];
  steps: ReleaseStepConfig[];
  watch?: { forMs: number; everyMs: number; alerts: string[]; probes: string[] };
  rollback: ReleaseStepConfig[];
  /** Channels; undefined means the default route's channels. */
  notify?: string[];
}

/** Semver tags such as `v1.2.3`, `1.2.3` or `v1.2.3-rc.1`. */
export const DEFAULT_VERSION_PATTERN = '^v?\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.-]+)?$';
