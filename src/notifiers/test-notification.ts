import { createHash } from 'node:crypto';
import type { Notification } from './notifier.js';

/** Labels of the synthetic alert `guardia notify test` sends. */
export const TEST_ALERT_NAME = 'GuardiaTest';

/**
 * A firing notification with one synthetic `GuardiaTest` alert, for checking that a channel
 * delivers. Its key is unique per call, so an outbox never mistakes it for a real delivery.
 */
export function buildTestNotification(options: { channel: string; severity: string; externalUrl: string; now: number }): Notification {
  const labels = { alertname: TEST_ALERT_NAME, severity: options.severity };
  const fingerprint = createHash('sha256').update(`${TEST_ALERT_NAME}\0severity\0${options.severity}`).digest('hex').slice(0, 16);
  return {
    key: `test:${options.channel}:${options.now}`,
    channel: options.channel,
    status: 'firing',
    groupKey: `{}:{alertname="${TEST_ALERT_NAME}"}`,
    groupLabels: { alertname: TEST_ALERT_NAME },
    commonLabels: labels,
    commonAnnotations: { summary: `Test notification from guardia to channel "${options.channel}"` },
    externalUrl: options.externalUrl,
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: `Test notification from guardia to channel "${options.channel}"`, description: 'Sent by `guardia notify test`; no action needed.' },
        startsAt: options.now,
        endsAt: null,
        fingerprint,
        generatorUrl: options.externalUrl,
      },
    ],
  };
}
