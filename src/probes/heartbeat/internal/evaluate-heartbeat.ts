import type { HeartbeatProbeSpec } from '../../../config/resolved-config.js';
import { errorReason } from '../../internal/error-reason.js';
import { formatDuration } from '../../internal/format-duration.js';
import { formatUtcTime } from '../../internal/format-utc-time.js';
import type { ProbeMetric, ProbeOutcome } from '../../probe.js';
import type { HeartbeatRecord } from '../heartbeat-record.js';
import { nextDue } from './next-due.js';

/**
 * Judges a heartbeat at `now`, in this order:
 * 1. the last finishing ping was `fail` → down until a success arrives;
 * 2. a `start` newer than the last finish is a run in progress: up until start + grace,
 *    then down (the job started but never reported an end);
 * 3. otherwise the next ping is due at last ping + period (or the next cron time after it);
 *    a heartbeat never pinged counts from when guardia first knew it, so a job that never
 *    reports is caught too. Up until due, late (degraded) until due + grace, then down.
 */
export function evaluateHeartbeat(spec: HeartbeatProbeSpec, record: HeartbeatRecord, now: number): ProbeOutcome {
  const metrics = lastPingMetric(record);
  const at = (ms: number) => formatUtcTime(ms, now);
  if (record.lastKind === 'fail') {
    const exit = record.lastExitStatus === undefined ? '' : `, exit status ${record.lastExitStatus}`;
    return { status: 'down', reason: `reported failure${exit}`, metrics };
  }
  const lastFinish = record.lastPingMs;
  if (record.lastStartMs !== undefined && record.lastStartMs > (lastFinish ?? -Infinity)) {
    if (now > record.lastStartMs + spec.graceMs) {
      return { status: 'down', reason: `started at ${at(record.lastStartMs)}, no finish within ${formatDuration(spec.graceMs)}`, metrics };
    }
    return { status: 'up', reason: `running since ${at(record.lastStartMs)}`, metrics };
  }
  let due: number | undefined;
  try {
    due = nextDue(spec, lastFinish ?? record.createdMs);
  } catch (error) {
    return { status: 'down', reason: `invalid schedule: ${errorReason(error)}`, metrics };
  }
  if (due === undefined) return { status: 'up', reason: 'no further ping expected', metrics };
  const since = lastFinish === undefined ? 'no ping yet' : `last ping ${at(lastFinish)}`;
  if (now <= due) return { status: 'up', reason: `${since}, next expected by ${at(due)}`, metrics };
  if (now <= due + spec.graceMs) return { status: 'degraded', reason: `late: expected by ${at(due)}`, metrics };
  return { status: 'down', reason: `missed: expected by ${at(due)} (${since})`, metrics };
}

function lastPingMetric(record: HeartbeatRecord): ProbeMetric[] {
  if (record.lastPingMs === undefined) return [];
  return [
    {
      name: 'guardia_heartbeat_last_ping_timestamp_seconds',
      help: 'When the heartbeat last reported an end (success or failure), Unix seconds.',
      type: 'gauge',
      value: record.lastPingMs / 1_000,
    },
  ];
}
