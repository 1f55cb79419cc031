/** One notification: a group of alerts for one channel, Alertmanager's webhook payload in spirit. */
export interface Notification {
  /** Dedup key of this delivery: the same key is never delivered twice (outbox). */
  key: string;
  /** Channel name from `channels:` in guardia.yaml. */
  channel: string;
  status: 'firing' | 'resolved';
  /** The route group's key and labels (`group_by`). */
  groupKey: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  alerts: NotifiedAlert[];
  /** guardia's external URL (server.external_url, or http://<listen>), for links. */
  externalUrl: string;
}

/** One alert inside a notification. */
export interface NotifiedAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number; // epoch ms
  endsAt: number | null; // epoch ms when resolved
  fingerprint: string;
  generatorUrl: string;
}

/** Sends to one configured channel. Throws `NotifyError` (in `src/errors.ts`: code `notify_failed`, with
 *  `retryable: boolean` — true for network errors, 408/429/5xx; false for other 4xx and bad payloads). */
export interface Notifier {
  readonly channel: string;
  readonly kind: string;
  send(notification: Notification, signal: AbortSignal): Promise<void>;
}
