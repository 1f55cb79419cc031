import type { DiscordChannelSpec } from '../../config/index.js';
import type { Notification, NotifiedAlert } from '../notifier.js';
import { alertSummary, incidentLinks, labelPairs, MAX_LISTED_ALERTS, notificationColour, notificationTitle, rfc3339, runbookUrl } from '../internal/notification-text.js';

function embed(alert: NotifiedAlert, colour: number): object {
  const lines = [labelPairs(alert).join(' ')];
  if (alert.annotations.description !== undefined) lines.unshift(alert.annotations.description);
  const fields = alert.annotations.runbook !== undefined ? [{ name: 'Runbook', value: alert.annotations.runbook.slice(0, 1024) }] : [];
  for (const link of incidentLinks(alert)) fields.push({ name: link.title, value: `[${link.title}](${link.url})`.slice(0, 1024) });
  const out: Record<string, unknown> = {
    // Discord limits: title 256, description 4096 characters.
    title: `${alert.status === 'resolved' ? '✅' : '🚨'} ${alertSummary(alert)}`.slice(0, 256),
    description: lines.join('\n').slice(0, 4096),
    color: colour,
    fields,
    timestamp: rfc3339(alert.endsAt ?? alert.startsAt),
  };
  const runbook = runbookUrl(alert);
  if (runbook !== undefined) out.url = runbook;
  return out;
}

/** A webhook message: the title as content, one embed per alert (Discord allows 10). */
export function buildDiscordPayload(notification: Notification, spec: DiscordChannelSpec): object {
  const colour = parseInt(notificationColour(notification).slice(1), 16);
  const listed = notification.alerts.slice(0, MAX_LISTED_ALERTS);
  const more = notification.alerts.length - listed.length;
  const payload: Record<string, unknown> = {
    content: `**${notificationTitle(notification)}**${more > 0 ? ` (and ${more} more)` : ''}`.slice(0, 2000),
    embeds: listed.map((alert) => embed(alert, colour)),
    allowed_mentions: { parse: [] },
  };
  if (spec.username !== undefined) payload.username = spec.username;
  return payload;
}
