import { createHash } from 'node:crypto';
import type { Notification } from '../notifier.js';
import { alertSummary, firingAlerts, notificationIncidentLinks, notificationTitle, rfc3339, runbookUrl, topSeverity } from '../internal/notification-text.js';

/** PagerDuty knows critical, error, warning and info. */
const SEVERITY: Record<string, string> = { critical: 'critical', high: 'error', medium: 'warning', low: 'info' };

/** One PagerDuty incident per alert group: the group key's hash, stable across firing and resolve. */
export function pagerdutyDedupKey(groupKey: string): string {
  return createHash('sha256').update(groupKey).digest('hex');
}

/** An Events API v2 event: `trigger` while firing, `resolve` once resolved. */
export function buildPagerdutyEvent(notification: Notification, routingKey: string): object {
  const dedupKey = pagerdutyDedupKey(notification.groupKey);
  if (notification.status === 'resolved') return { routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey };
  const firing = firingAlerts(notification);
  const first = firing[0] ?? notification.alerts[0];
  const runbooks = [...new Set(firing.map(runbookUrl).filter((url): url is string => url !== undefined))];
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      // PagerDuty cuts summaries at 1024 characters.
      summary: `${notificationTitle(notification)}${first ? ` — ${alertSummary(first)}` : ''}`.slice(0, 1024),
      source: notification.commonLabels.env ?? notification.commonLabels.instance ?? 'guardia',
      severity: SEVERITY[topSeverity(notification)] ?? 'info',
      timestamp: rfc3339(first?.startsAt ?? 0),
      component: notification.commonLabels.probe ?? notification.commonLabels.job,
      group: notification.commonLabels.env,
      class: notification.commonLabels.alertname,
      custom_details: {
        firing: firing.map((alert) => ({ summary: alertSummary(alert), labels: alert.labels, annotations: alert.annotations })),
      },
    },
    client: 'guardia',
    client_url: notification.externalUrl,
    links: [...runbooks.map((href) => ({ href, text: 'Runbook' })), ...notificationIncidentLinks(firing).map((link) => ({ href: link.url, text: link.title }))],
  };
}
