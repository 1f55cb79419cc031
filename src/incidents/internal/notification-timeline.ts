import type { Notification } from '../../notifiers/index.js';
import type { Store } from '../../store/index.js';
import type { Incident, IncidentAlert, TimelineEntry } from '../incident.js';

/** Notifications written a little before the incident opened still belong to it (the firing that opened it). */
const SLACK_MS = 60_000;

/**
 * The notifications sent about an incident's alerts (or for the incident itself), read from
 * the outbox table: delivery stays the outbox's business, the timeline only reports it.
 */
export async function notificationTimeline(store: Store, incident: Incident, alerts: IncidentAlert[], now: number): Promise<TimelineEntry[]> {
  const fingerprints = new Set(alerts.map((a) => a.fingerprint));
  const rows = await store.db
    .selectFrom('notify_outbox')
    .selectAll()
    .where('created_ms', '>=', incident.openedAt - SLACK_MS)
    .where('created_ms', '<=', (incident.resolvedAt ?? now) + SLACK_MS)
    .orderBy('created_ms')
    .limit(1000)
    .execute();
  const entries: TimelineEntry[] = [];
  for (const row of rows) {
    const notification = JSON.parse(row.payload) as Notification;
    const ours = notification.groupKey === `incident:${incident.id}` || notification.alerts.some((a) => fingerprints.has(a.fingerprint));
    if (!ours) continue;
    const outcome = row.status === 'sent' ? 'sent' : row.status === 'dead' ? `failed for good: ${row.last_error ?? ''}` : `${row.status}`;
    entries.push({
      at: Number(row.sent_ms ?? row.created_ms),
      kind: 'notification',
      actor: 'guardia',
      text: `${notification.status} notification to ${row.channel}: ${outcome}`,
      data: { channel: row.channel, status: row.status, attempts: Number(row.attempts) },
    });
  }
  return entries;
}
