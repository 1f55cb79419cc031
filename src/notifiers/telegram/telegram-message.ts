import type { Notification, NotifiedAlert } from '../notifier.js';
import { alertSummary, incidentLinks, labelPairs, MAX_LISTED_ALERTS, notificationTitle, runbookUrl } from '../internal/notification-text.js';

/** Telegram's HTML mode knows only these three entities; everything else must be escaped. */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function alertLines(alert: NotifiedAlert): string[] {
  const mark = alert.status === 'resolved' ? '✅' : '🔥';
  const lines = [`${mark} <b>${escapeTelegramHtml(alertSummary(alert))}</b>`, `<code>${escapeTelegramHtml(labelPairs(alert).join(' '))}</code>`];
  const runbook = runbookUrl(alert);
  const links = [...(runbook !== undefined ? [{ title: 'Runbook', url: runbook }] : []), ...incidentLinks(alert)];
  if (links.length > 0) lines.push(links.map((l) => `<a href="${escapeTelegramHtml(l.url).replace(/"/g, '&quot;')}">${l.title}</a>`).join(' · '));
  return lines;
}

/** The `text` of a sendMessage call in HTML parse mode (at most 4096 characters). */
export function buildTelegramText(notification: Notification): string {
  const listed = notification.alerts.slice(0, MAX_LISTED_ALERTS);
  const more = notification.alerts.length - listed.length;
  const parts = [`<b>${escapeTelegramHtml(notificationTitle(notification))}</b>`, ...listed.map((alert) => alertLines(alert).join('\n'))];
  if (more > 0) parts.push(`and ${more} more`);
  const text = parts.join('\n\n');
  // Cutting inside a tag would make Telegram refuse the whole message; drop alerts instead.
  return text.length <= 4096 ? text : parts[0] + `\n\n${notification.alerts.length} alerts; see guardia`;
}
