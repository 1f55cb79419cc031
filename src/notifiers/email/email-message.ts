import type { Notification, NotifiedAlert } from '../notifier.js';
import { alertSummary, labelPairs, notificationColour, notificationTitle, rfc3339 } from '../internal/notification-text.js';

/** What the mailer sends: guardia's own shape, so nodemailer's types stay in the mailer. */
export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function alertText(alert: NotifiedAlert): string[] {
  const lines = [`${alert.status === 'resolved' ? 'RESOLVED' : 'FIRING'}: ${alertSummary(alert)}`, `  labels: ${labelPairs(alert).join(' ')}`];
  if (alert.annotations.description !== undefined) lines.push(`  ${alert.annotations.description}`);
  if (alert.annotations.runbook !== undefined) lines.push(`  runbook: ${alert.annotations.runbook}`);
  if (alert.annotations.ack_url !== undefined) lines.push(`  acknowledge: ${alert.annotations.ack_url}`);
  lines.push(`  since: ${rfc3339(alert.startsAt)}${alert.endsAt === null ? '' : `, resolved ${rfc3339(alert.endsAt)}`}`);
  return lines;
}

function alertHtml(alert: NotifiedAlert): string {
  const runbook = alert.annotations.runbook;
  const link = runbook === undefined ? '' : /^https?:\/\//.test(runbook)
    ? `<br><a href="${escapeHtml(runbook)}">Runbook</a>`
    : `<br>Runbook: ${escapeHtml(runbook)}`;
  const description = alert.annotations.description === undefined ? '' : `<br>${escapeHtml(alert.annotations.description)}`;
  const ack = alert.annotations.ack_url === undefined ? '' : `<br><a href="${escapeHtml(alert.annotations.ack_url)}">Acknowledge</a>`;
  return `<li><strong>${escapeHtml(alertSummary(alert))}</strong> (${alert.status})<br><code>${escapeHtml(labelPairs(alert).join(' '))}</code>${description}${link}${ack}</li>`;
}

/** Subject `[FIRING:2] HighErrorRate production`, a plain-text body and an HTML body. */
export function buildEmailMessage(notification: Notification, from: string, to: string[]): MailMessage {
  const subject = notificationTitle(notification);
  const text = [subject, '', ...notification.alerts.flatMap((alert) => [...alertText(alert), '']), `guardia: ${notification.externalUrl}`].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2 style="border-left:6px solid ${notificationColour(notification)};padding-left:8px">${escapeHtml(subject)}</h2>`,
    `<ul>${notification.alerts.map(alertHtml).join('')}</ul>`,
    `<p><a href="${escapeHtml(notification.externalUrl)}">Open guardia</a></p>`,
    '</body></html>',
  ].join('\n');
  return { from, to, subject, text, html };
}
