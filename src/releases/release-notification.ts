import type { Notification } from '../notifiers/index.js';
import type { ReleaseRecord } from './release.js';

/** The moments a release tells its channels about. */
export type ReleaseEvent = 'started' | 'succeeded' | 'failed' | 'rolled_back';

const SUMMARY: Record<ReleaseEvent, (r: ReleaseRecord) => string> = {
  started: (r) => `${r.kind === 'rollback' ? 'Rollback' : 'Release'} of ${r.version} to ${r.env} started by ${r.initiator}`,
  succeeded: (r) => `${r.kind === 'rollback' ? 'Rollback' : 'Release'} of ${r.version} to ${r.env} succeeded`,
  failed: (r) => `Release of ${r.version} to ${r.env} failed: ${r.reason ?? 'unknown reason'}`,
  rolled_back: (r) => `Release of ${r.version} to ${r.env} was rolled back to ${r.previousVersion ?? 'the previous version'}: ${r.reason ?? ''}`,
};

/**
 * One channel's notification about a release event, in the outbox's format so every channel
 * kind can deliver it. Its key makes each event of a release delivered once per channel.
 */
export function releaseNotification(release: ReleaseRecord, event: ReleaseEvent, channel: string, externalUrl: string, now: number): Notification {
  const labels = { alertname: 'Release', env: release.env, version: release.version, release: release.id, event };
  const annotations: Record<string, string> = { summary: SUMMARY[event](release) };
  if (event === 'rolled_back' || event === 'failed') annotations.migrations = 'Database migrations were not reverted.';
  const resolved = event === 'succeeded';
  return {
    key: `release:${release.id}:${event}:${channel}`,
    channel,
    status: resolved ? 'resolved' : 'firing',
    groupKey: `release:${release.id}`,
    groupLabels: { release: release.id },
    commonLabels: labels,
    commonAnnotations: annotations,
    alerts: [{ status: resolved ? 'resolved' : 'firing', labels, annotations, startsAt: release.createdAt, endsAt: resolved ? now : null, fingerprint: `release-${release.id}`, generatorUrl: `${externalUrl}/api/v1/releases?env=${encodeURIComponent(release.env)}` }],
    externalUrl,
  };
}
