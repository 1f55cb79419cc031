import type { SlackChannelSpec } from '../../config/index.js';
import type { Notification, NotifiedAlert } from '../notifier.js';
import { alertSummary, labelPairs, MAX_LISTED_ALERTS, notificationColour, notificationTitle, runbookUrl } from '../internal/notification-text.js';

/** Slack mrkdwn treats these three as markup; everything else is literal. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function alertBlock(alert: NotifiedAlert): object {
  const status = alert.status === 'resolved' ? ':white_check_mark:' : ':rotating_light:';
  const lines = [`${status} *${escapeMrkdwn(alertSummary(alert))}*`, `\`${escapeMrkdwn(labelPairs(alert).join(' '))}\``];
  const description = alert.annotations.description;
  if (description !== undefined && description !== alert.annotations.summary) lines.push(escapeMrkdwn(description));
  const runbook = runbookUrl(alert) ?? alert.annotations.runbook;
  if (runbook !== undefined) lines.push(runbookUrl(alert) ? `<${runbook}|Runbook>` : `Runbook: ${escapeMrkdwn(runbook)}`);
  const { ack_url: ack, incident_url: incident } = alert.annotations;
  if (ack !== undefined) lines.push([`<${ack}|Acknowledge>`, ...(incident !== undefined ? [`<${incident}|Incident>`] : [])].join(' · '));
  // A section's text is limited to 3000 characters.
  return { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 3000) } };
}

/**
 * An incoming-webhook message: `text` is the fallback for notifications and old clients,
 * the attachment carries the colour bar and the Block Kit blocks.
 */
export function buildSlackPayload(notification: Notification, spec: SlackChannelSpec): object {
  const title = notificationTitle(notification);
  const listed = notification.alerts.slice(0, MAX_LISTED_ALERTS);
  const blocks: object[] = [{ type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: true } }, ...listed.map(alertBlock)];
  const more = notification.alerts.length - listed.length;
  const context = [`<${notification.externalUrl}|guardia>`, ...(more > 0 ? [`and ${more} more`] : [])];
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });
  const payload: Record<string, unknown> = {
    text: title,
    attachments: [{ color: notificationColour(notification), fallback: title, blocks }],
  };
  if (spec.channel !== undefined) payload.channel = spec.channel;
  if (spec.username !== undefined) payload.username = spec.username;
  return payload;
}
