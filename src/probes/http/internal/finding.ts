import type { ProbeMetric } from '../../probe.js';

/** One problem an HTTP check found. */
export interface Finding {
  status: 'degraded' | 'down';
  reason: string;
}

/** What a group of checks concluded: problems plus the series measured on the way. */
export interface CheckReport {
  findings: Finding[];
  metrics: ProbeMetric[];
}

export function down(reason: string): Finding {
  return { status: 'down', reason };
}

export function degraded(reason: string): Finding {
  return { status: 'degraded', reason };
}
