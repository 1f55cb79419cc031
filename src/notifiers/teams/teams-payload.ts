import type { Notification, NotifiedAlert } from '../notifier.js';
import { alertSummary, labelPairs, MAX_LISTED_ALERTS, notificationIncidentLinks, notificationTitle, runbookUrl } from '../internal/notification-text.js';

function alertItems(alert: NotifiedAlert): object[] {
  const items: object[] = [
    { type: 'TextBlock', text: alertSummary(alert), weight: 'Bolder', wrap: true, color: alert.status === 'resolved' ? 'Good' : 'Attention' },
    { type: 'TextBlock', text: labelPairs(alert).join(' '), isSubtle: true, wrap: true, spacing: 'None' },
  ];
  if (alert.annotations.description !== undefined) items.push({ type: 'TextBlock', text: alert.annotations.description, wrap: true });
  return items;
}

/**
 * The message both Teams incoming webhooks and Workflows triggers accept: one Adaptive
 * Card attachment, with buttons to guardia and to runbooks.
 */
export function buildTeamsPayload(notification: Notification): object {
  const listed = notification.alerts.slice(0, MAX_LISTED_ALERTS);
  const more = notification.alerts.length - listed.length;
  const title = notificationTitle(notification);
  const body: object[] = [
    { type: 'TextBlock', text: title, size: 'Large', weight: 'Bolder', wrap: true, color: notification.status === 'resolved' ? 'Good' : 'Attention' },
    ...listed.flatMap(alertItems),
  ];
  if (more > 0) body.push({ type: 'TextBlock', text: `and ${more} more`, isSubtle: true });
  const runbooks = [...new Set(listed.map(runbookUrl).filter((url): url is string => url !== undefined))];
  const actions = [
    ...notificationIncidentLinks(listed).slice(0, 2).map((link) => ({ type: 'Action.OpenUrl', title: link.title, url: link.url })),
    { type: 'Action.OpenUrl', title: 'Open guardia', url: notification.externalUrl },
    ...runbooks.slice(0, 3).map((url) => ({ type: 'Action.OpenUrl', title: 'Runbook', url })),
  ];
  const card = { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', msteams: { width: 'Full' }, body, actions };
  return {
    type: 'message',
    summary: title,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}
