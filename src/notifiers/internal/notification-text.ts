import type { Notification, NotifiedAlert } from '../notifier.js';

/** Severities from most to least urgent; unknown ones sort last. */
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

/** Colours shared by Slack, Discord and Teams: green once resolved, else by severity. */
const COLOURS: Record<string, string> = {
  resolved: '#2eb67d',
  critical: '#d00000',
  high: '#f2711c',
  medium: '#f2c744',
  low: '#439fe0',
};

/** The most urgent severity among the alerts (`low` when none says). */
export function topSeverity(notification: Notification): string {
  const seen = notification.alerts.map((a) => a.labels.severity ?? '').filter((s) => SEVERITY_ORDER.includes(s));
  return SEVERITY_ORDER.find((s) => seen.includes(s)) ?? 'low';
}

/** `#d00000`-style colour of a notification. */
export function notificationColour(notification: Notification): string {
  return notification.status === 'resolved' ? (COLOURS.resolved as string) : (COLOURS[topSeverity(notification)] as string);
}

/** Alerts that are firing in this notification. */
export function firingAlerts(notification: Notification): NotifiedAlert[] {
  return notification.alerts.filter((a) => a.status === 'firing');
}

/**
 * Alertmanager's default title: `[FIRING:2] HighErrorRate production` — the status, the
 * number firing, then the group's label values (or the alert name when not grouped).
 */
export function notificationTitle(notification: Notification): string {
  const status = notification.status === 'firing' ? `FIRING:${firingAlerts(notification).length}` : 'RESOLVED';
  const values = Object.keys(notification.groupLabels)
    .sort()
    .map((key) => notification.groupLabels[key] as string);
  const fallback = [notification.commonLabels.alertname, notification.commonLabels.env].filter((v): v is string => v !== undefined);
  const subject = (values.length > 0 ? values : fallback).join(' ');
  return subject ? `[${status}] ${subject}` : `[${status}]`;
}

/** One line saying what an alert is about: its summary, else description, else its name. */
export function alertSummary(alert: NotifiedAlert): string {
  return alert.annotations.summary ?? alert.annotations.description ?? alert.labels.alertname ?? 'alert';
}

/** A runbook link when the annotation is a URL, else undefined (a path is shown as text). */
export function runbookUrl(alert: NotifiedAlert): string | undefined {
  const runbook = alert.annotations.runbook;
  return runbook !== undefined && /^https?:\/\//.test(runbook) ? runbook : undefined;
}

/** Links the incidents domain adds to an alert in an open incident: the signed one-click acknowledge and the incident page. */
export function incidentLinks(alert: NotifiedAlert): { title: string; url: string }[] {
  const links: { title: string; url: string }[] = [];
  if (alert.annotations.ack_url !== undefined) links.push({ title: 'Acknowledge', url: alert.annotations.ack_url });
  if (alert.annotations.incident_url !== undefined) links.push({ title: 'Incident', url: alert.annotations.incident_url });
  return links;
}

/** The distinct incident links of the firing alerts shown, for channels with one set of buttons per message. */
export function notificationIncidentLinks(alerts: readonly NotifiedAlert[]): { title: string; url: string }[] {
  const seen = new Map<string, { title: string; url: string }>();
  for (const alert of alerts) if (alert.status === 'firing') for (const link of incidentLinks(alert)) seen.set(link.url, link);
  return [...seen.values()];
}

/** Labels worth showing beside the summary: all but the ones the title already says. */
export function labelPairs(alert: NotifiedAlert): string[] {
  return Object.keys(alert.labels)
    .filter((key) => key !== 'alertname')
    .sort()
    .map((key) => `${key}=${alert.labels[key] as string}`);
}

/** RFC 3339 in UTC, as Alertmanager writes times. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}

/** Alertmanager's "not ended" time. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** How many alerts a chat message lists before "and N more": chat services cap message size. */
export const MAX_LISTED_ALERTS = 10;
