import type { Notification } from '../notifier.js';
import { rfc3339, ZERO_TIME } from '../internal/notification-text.js';

/** The Alertmanager webhook body, version 4. */
export interface AlertmanagerWebhookPayload {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: {
    status: 'firing' | 'resolved';
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    endsAt: string;
    generatorURL: string;
    fingerprint: string;
  }[];
}

/** Builds the JSON Alertmanager would POST, so existing webhook receivers work unchanged; `receiver` is the channel name. */
export function buildWebhookPayload(notification: Notification, receiver = notification.channel): AlertmanagerWebhookPayload {
  return {
    version: '4',
    groupKey: notification.groupKey,
    truncatedAlerts: 0,
    status: notification.status,
    receiver,
    groupLabels: notification.groupLabels,
    commonLabels: notification.commonLabels,
    commonAnnotations: notification.commonAnnotations,
    externalURL: notification.externalUrl,
    alerts: notification.alerts.map((alert) => ({
      status: alert.status,
      labels: alert.labels,
      annotations: alert.annotations,
      startsAt: rfc3339(alert.startsAt),
      endsAt: alert.endsAt === null ? ZERO_TIME : rfc3339(alert.endsAt),
      generatorURL: alert.generatorUrl,
      fingerprint: alert.fingerprint,
    })),
  };
}
