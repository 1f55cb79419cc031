import { createHash } from 'node:crypto';

/** The stable id of an alert: hex sha256 of its alertname and sorted labels, first 16 characters. */
export function alertFingerprint(labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((name) => [name, labels[name]]);
  return createHash('sha256')
    .update(JSON.stringify([labels.alertname ?? '', sorted]))
    .digest('hex')
    .slice(0, 16);
}
