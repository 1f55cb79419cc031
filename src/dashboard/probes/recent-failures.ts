import type { ProbeResult } from '../../probes/probe.js';
import type { FailureView } from './probe-history.js';

const KEEP = 20;
const REASON_CHARS = 500;

/**
 * The last failed or degraded runs of each probe with their reasons, kept in memory (the
 * tsdb stores states, not reasons): fed with every `probe:result`, lost on restart.
 */
export class RecentFailures {
  private readonly byProbe = new Map<string, FailureView[]>();

  observe(result: ProbeResult): void {
    if (result.status === 'up') return;
    const list = this.byProbe.get(result.probeId) ?? [];
    list.unshift({ at: result.at, status: result.status, reason: sanitizeReason(result.reason) });
    if (list.length > KEEP) list.length = KEEP;
    this.byProbe.set(result.probeId, list);
  }

  list(probeId: string): FailureView[] {
    return [...(this.byProbe.get(probeId) ?? [])];
  }
}

/** A reason fit for a page: control characters become spaces, long text is cut. */
export function sanitizeReason(reason: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = reason.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return clean.length > REASON_CHARS ? `${clean.slice(0, REASON_CHARS)}…` : clean;
}
