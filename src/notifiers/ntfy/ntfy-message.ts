import type { NtfyChannelSpec } from '../../config/index.js';
import type { Notification } from '../notifier.js';
import { alertSummary, firingAlerts, notificationIncidentLinks, notificationTitle, topSeverity } from '../internal/notification-text.js';

/** ntfy priorities: 5 max (urgent), 4 high, 3 default, 2 low. */
const PRIORITY: Record<string, number> = { critical: 5, high: 4, medium: 3, low: 2 };

/** The JSON publish body (POSTed to the server root, the topic inside). */
export function buildNtfyMessage(notification: Notification, spec: NtfyChannelSpec): object {
  const shown = notification.status === 'firing' ? firingAlerts(notification) : notification.alerts;
  const resolved = notification.status === 'resolved';
  // ntfy shows at most three action buttons; a view action opens the URL.
  const actions = notificationIncidentLinks(shown).slice(0, 3).map((link) => ({ action: 'view', label: link.title, url: link.url }));
  return {
    ...(actions.length > 0 ? { actions } : {}),
    topic: spec.topic,
    title: notificationTitle(notification),
    message: shown.map((alert) => `• ${alertSummary(alert)}`).join('\n').slice(0, 4000) || notificationTitle(notification),
    // A resolve is good news: it should not ring like the alert did.
    priority: resolved ? 2 : (PRIORITY[topSeverity(notification)] ?? 3),
    tags: [resolved ? 'white_check_mark' : 'rotating_light'],
    click: notification.externalUrl,
  };
}
